namespace Diagnose.Core.Reports;

/// <summary>
/// Record numbers an input skips: before its first record (older records overwritten when the log was full,
/// or cleared before the export) or between two records it holds (records not exported or lost).
/// </summary>
public sealed class InputGap
{
    /// <summary>First missing record number.</summary>
    public long From { get; init; }

    /// <summary>Last missing record number.</summary>
    public long To { get; init; }

    /// <summary>Why the records are missing, in words.</summary>
    public required string Reason { get; init; }
}
