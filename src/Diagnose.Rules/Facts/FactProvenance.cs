namespace Diagnose.Rules.Facts;

/// <summary>
/// Where facts of a type come from, declared in the schema's <c>from</c>: the event log (channel) that holds their
/// events, or the snapshot fields that give them. It lets the engine say what to collect when a rule stops at a
/// pattern of this type.
/// </summary>
public sealed record FactProvenance(string? Log, string? Snapshot);
