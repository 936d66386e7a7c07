namespace Diagnose.Knowledge.Decisions;

/// <summary>A diagnosis the report must hold: its rule, and when given its plan, confidence and severity (<c>incident</c> or <c>advice</c>).</summary>
public sealed record ExpectedDiagnosis(string Rule, string? Plan, double? Confidence, string? Severity = null);
