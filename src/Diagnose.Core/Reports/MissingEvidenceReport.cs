namespace Diagnose.Core.Reports;

/// <summary>Corroborating evidence that was absent: what it is and what to collect to check it.</summary>
public sealed class MissingEvidenceReport
{
    public required string Description { get; init; }

    public double Weight { get; init; }

    public required string Collect { get; init; }
}
