namespace Diagnose.Normalise;

/// <summary>The origin carried by a fact made from a cluster snapshot: which file, what was observed, where.</summary>
internal sealed record ObservationOrigin(string Source, string Fact, string Value, string? Node, int? Line);
