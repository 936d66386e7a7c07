namespace Diagnose.Knowledge.Decisions;

/// <summary>A diagnosis the report must hold: its rule, and when given its plan and confidence.</summary>
public sealed record ExpectedDiagnosis(string Rule, string? Plan, double? Confidence);
