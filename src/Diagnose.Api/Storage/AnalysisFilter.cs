namespace Diagnose.Api.Storage;

/// <summary>Filters of the list: article, node (case-insensitive), created at or after, and the page.</summary>
internal sealed record AnalysisFilter(string? Kb, string? Node, DateTimeOffset? Since, int Offset, int Limit);
