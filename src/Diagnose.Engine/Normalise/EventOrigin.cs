using Diagnose.Core.Records;

namespace Diagnose.Normalise;

/// <summary>The origin carried by a fact made from an event: the record itself and its normalised node.</summary>
internal sealed record EventOrigin(EventRecord Record, string? Node);
