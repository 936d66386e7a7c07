namespace Diagnose.Api.Reanalysis;

/// <summary>Which stored analyses a re-analysis runs again: all, or those of one article, or those created in [Since, Until).</summary>
public sealed record ReanalysisSelection(string? Kb, DateTimeOffset? Since, DateTimeOffset? Until);
