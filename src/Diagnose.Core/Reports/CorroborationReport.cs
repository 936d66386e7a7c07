namespace Diagnose.Core.Reports;

/// <summary>Corroborating evidence that was present: what it is, the weight it added, and the events or observations.</summary>
public sealed class CorroborationReport
{
    public required string Description { get; init; }

    public double Weight { get; init; }

    public List<EvidenceItem> Evidence { get; init; } = [];
}
