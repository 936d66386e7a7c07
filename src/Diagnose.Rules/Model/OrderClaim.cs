namespace Diagnose.Rules.Model;

/// <summary>
/// A rule's <c>order</c> entry: the conclusion needs the fact bound to <see cref="Before"/> to have happened
/// before the one bound to <see cref="After"/>. When the two come from different nodes, the order is weighed
/// against what is known of the nodes' clocks after the run: within the clocks' uncertainty the confidence is
/// at most <see cref="Ambiguous"/>; reversed beyond it, the conclusion is ruled out.
/// </summary>
public sealed record OrderClaim(string Before, int BeforeSlot, string After, int AfterSlot, TextTemplate Description, double Ambiguous);
