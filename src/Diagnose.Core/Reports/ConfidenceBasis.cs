namespace Diagnose.Core.Reports;

/// <summary>
/// How a diagnosis' confidence was reached: the rule's base and max, the corroborating evidence present (each adds
/// its weight), the corroboration missing with what to collect, and whether the single-record cap applied.
/// </summary>
public sealed class ConfidenceBasis
{
    /// <summary>The rule's base confidence.</summary>
    public double Base { get; init; }

    /// <summary>The most the confidence may reach with every corroboration present.</summary>
    public double Max { get; init; }

    /// <summary>The corroborating evidence that was present.</summary>
    public List<CorroborationReport> Corroborating { get; init; } = [];

    /// <summary>The corroborating evidence that was absent, with what to collect.</summary>
    public List<MissingEvidenceReport> Missing { get; init; } = [];

    /// <summary>True when every piece of evidence came from one input record, so the confidence was lowered to 0.9.</summary>
    public bool CappedSingleRecord { get; init; }
}
