namespace Diagnose.Api.Storage;

/// <summary>One page of <c>GET /api/analyses</c>, newest first; <see cref="Next"/> is the next page's URL or null.</summary>
public sealed record AnalysisPage(IReadOnlyList<AnalysisSummary> Items, int Total, int Offset, int Limit, string? Next);
