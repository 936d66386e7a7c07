using Diagnose.Rules.Model;

namespace Diagnose.Rules.Evidence;

/// <summary>
/// One <c>order</c> entry weighed: the two nodes, the margin (after's time minus before's, on corrected clocks), the
/// clocks' combined uncertainty (null when unmeasured), the outcome, whether the correction of the clocks decided
/// it (the logs as read would give another outcome), and the sentence the report shows.
/// </summary>
public sealed record OrderCheck(
    OrderClaim Claim,
    string Description,
    string BeforeNode,
    string AfterNode,
    TimeSpan Margin,
    TimeSpan? Tolerance,
    OrderOutcome Outcome,
    bool DependsOnCorrection,
    string Text);
