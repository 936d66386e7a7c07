namespace Diagnose.Core.Reports;

/// <summary>Another diagnosis in the same report that explains the same symptoms, and what would tell the two apart.</summary>
public sealed class CompetingReport
{
    /// <summary>The other diagnosis' rule.</summary>
    public required string Rule { get; init; }

    /// <summary>What evidence would tell the two apart, in words.</summary>
    public required string SeparatedBy { get; init; }
}
