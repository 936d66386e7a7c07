namespace Diagnose.Knowledge.Articles;

/// <summary>
/// One kind of evidence a replayed incident must show again (kb/ <c>incidents[].reproduces</c>): an event that becomes
/// <see cref="Fact"/>, on the node where the diagnosis saw it, with the same values of the fields in <see cref="Same"/>;
/// or, when <see cref="State"/> is set (and <see cref="Fact"/> empty), cluster state as the diagnosis' snapshot gives it.
/// </summary>
public sealed record ReplayEvidence(string Fact, IReadOnlyList<string> Same)
{
    /// <summary>The cluster state the replay must leave as the snapshot gives it, or null for evidence given by an event.</summary>
    public ReplayState? State { get; init; }
}
