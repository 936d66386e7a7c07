namespace Diagnose.Core.Reports;

/// <summary>A span of time (UTC, ISO-8601) that collected logs should cover.</summary>
public sealed class CollectWindow
{
    public required string From { get; init; }

    public required string To { get; init; }
}
