namespace Diagnose.Core.Reports;

/// <summary>Corroborating evidence that was absent: what it is and what to collect to check it.</summary>
public sealed class MissingEvidenceReport
{
    /// <summary>What the evidence is, from the rule.</summary>
    public required string Description { get; init; }

    /// <summary>The confidence it would have added.</summary>
    public double Weight { get; init; }

    /// <summary>What to collect to check for it.</summary>
    public required string Collect { get; init; }
}
