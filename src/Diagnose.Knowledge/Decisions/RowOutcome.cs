namespace Diagnose.Knowledge.Decisions;

/// <summary>A row's conclusion: its kind, and for a diagnosis or finding the rule that draws it and the plan it chooses.</summary>
public sealed record RowOutcome(OutcomeKind Kind, string? Rule, string? Plan);
