namespace Diagnose.Api.Storage;

/// <summary>A list entry: enough to pick an analysis without loading its report.</summary>
public sealed record AnalysisSummary(
    string Id,
    string Status,
    string CreatedAt,
    string? FinishedAt,
    string? Error,
    long Records,
    IReadOnlyList<string> Kbs,
    IReadOnlyList<string> Nodes);
