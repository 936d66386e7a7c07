using Diagnose.Rules.Engine;

namespace Diagnose.Rules.Evidence;

/// <summary>
/// A conclusion weighed against the evidence beyond its <c>when</c>: ruled out by a contradiction, or kept with a
/// confidence of min(max, base + weights of the corroborations present), capped at
/// <see cref="EvidenceAssessor.SingleRecordCeiling"/> when all of it traces to one input record.
/// </summary>
public sealed record Assessment(
    Conclusion Conclusion,
    double Confidence,
    double Base,
    double Max,
    Contradiction? RuledOut,
    IReadOnlyList<Corroboration> Present,
    IReadOnlyList<MissingCorroboration> Missing,
    bool CappedSingleRecord)
{
    /// <summary>True when an <c>unless</c> entry or a reversed <c>order</c> entry contradicts the conclusion.</summary>
    public bool IsRuledOut => RuledOut is not null;

    /// <summary>How each of the rule's <c>order</c> entries fared against the nodes' clocks (only entries across two nodes).</summary>
    public IReadOnlyList<OrderCheck> Order { get; init; } = [];
}
