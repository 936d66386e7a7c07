namespace Diagnose.Core.Reports;

/// <summary>Corroborating evidence that was present: what it is, the weight it added, and the events or observations.</summary>
public sealed class CorroborationReport
{
    /// <summary>What the evidence is, from the rule.</summary>
    public required string Description { get; init; }

    /// <summary>The confidence it added.</summary>
    public double Weight { get; init; }

    /// <summary>The events or observations that matched.</summary>
    public List<EvidenceItem> Evidence { get; init; } = [];
}
