namespace Diagnose.Api.Reanalysis;

/// <summary>A case that could not be analysed again, and why (a kept file gone, an instance stopped on it too often).</summary>
public sealed record ReanalysisFailure(string AnalysisId, string Error);
