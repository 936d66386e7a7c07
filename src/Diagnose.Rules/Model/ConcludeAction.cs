namespace Diagnose.Rules.Model;

/// <summary>
/// A conclusion the rule draws: a diagnosis (root cause with confidence, the fix plan to suggest, the
/// aliases that are its evidence) or a benign marking of one bound fact with the reason.
/// </summary>
public sealed record ConcludeAction(
    ConclusionKind Kind,
    TextTemplate Text,
    double Confidence,
    string? Plan,
    IReadOnlyList<string> Evidence,
    string? Subject) : RuleAction;
