namespace Diagnose.Core.Reports;

/// <summary>A span of time (UTC, ISO-8601) that collected logs should cover.</summary>
public sealed class CollectWindow
{
    /// <summary>Start of the span.</summary>
    public required string From { get; init; }

    /// <summary>End of the span.</summary>
    public required string To { get; init; }
}
