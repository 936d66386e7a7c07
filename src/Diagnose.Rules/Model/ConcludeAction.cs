using Diagnose.Core.Reports;
using Diagnose.Rules.Expressions;

namespace Diagnose.Rules.Model;

/// <summary>
/// A conclusion the rule draws: a diagnosis (root cause with its base confidence, the fix plan to suggest, the
/// aliases that are its evidence) or a benign marking of one bound fact with the reason.
/// </summary>
public sealed record ConcludeAction(
    ConclusionKind Kind,
    TextTemplate Text,
    double Confidence,
    string? Plan,
    IReadOnlyList<string> Evidence,
    string? Subject) : RuleAction
{
    /// <summary>The most corroboration can raise the confidence to (equal to <see cref="Confidence"/> when the rule names no ceiling).</summary>
    public double MaxConfidence { get; init; } = double.NaN;

    /// <summary>Expressions over the match that name the incident; matches with equal values are one diagnosis. Empty: grouped by rule and root-cause text.</summary>
    public IReadOnlyList<CompiledExpression> Incident { get; init; } = [];

    /// <summary>An incident to repair, or lower-severity advice (the rule's <c>"severity": "advice"</c>).</summary>
    public Severity Severity { get; init; } = Severity.Incident;
}
