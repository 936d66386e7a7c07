namespace Diagnose.Api.Reanalysis;

/// <summary>A case whose verdicts changed: its diagnoses before (as stored) and after (with the current rules).</summary>
public sealed record ReanalysisChange(string AnalysisId, IReadOnlyList<VerdictLine> Before, IReadOnlyList<VerdictLine> After);
