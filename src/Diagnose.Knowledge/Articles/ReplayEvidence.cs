namespace Diagnose.Knowledge.Articles;

/// <summary>
/// One kind of evidence a replayed incident must log again (kb/ <c>incidents[].reproduces</c>): an event that becomes
/// <see cref="Fact"/>, on the node where the diagnosis saw it, with the same values of the fields in <see cref="Same"/>.
/// </summary>
public sealed record ReplayEvidence(string Fact, IReadOnlyList<string> Same);
