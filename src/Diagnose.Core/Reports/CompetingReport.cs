namespace Diagnose.Core.Reports;

/// <summary>Another diagnosis in the same report that explains the same symptoms, and what would tell the two apart.</summary>
public sealed class CompetingReport
{
    public required string Rule { get; init; }

    public required string SeparatedBy { get; init; }
}
