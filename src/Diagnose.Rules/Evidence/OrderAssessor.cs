using System.Globalization;
using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Evidence;

/// <summary>
/// Weighs a conclusion's <c>order</c> entries after the run. Facts from one node share a clock and need nothing.
/// Across two nodes the margin (on clocks already corrected by the caller) is compared with the two clocks'
/// combined uncertainty: beyond it the order holds; within it either event could have come first, so the
/// confidence is at most the entry's <c>ambiguous</c>; reversed beyond it, the conclusion is ruled out. With no
/// measure of the two clocks the logs are taken as they read, and the check says so.
/// </summary>
public sealed class OrderAssessor(IClockModel clocks)
{
    /// <summary>
    /// Adds the order checks to an assessment: confidence lowered to the <c>ambiguous</c> value of each ambiguous
    /// entry, and ruled out by the first reversed one. An assessment already ruled out, or a rule with no
    /// <c>order</c>, comes back unchanged.
    /// </summary>
    public Assessment Apply(Assessment assessed)
    {
        var rule = assessed.Conclusion.Rule;
        if (rule.Order.Count == 0 || assessed.IsRuledOut)
        {
            return assessed;
        }

        var match = assessed.Conclusion.Proof.Facts.ToArray();
        var checks = new List<OrderCheck>();
        foreach (var claim in rule.Order)
        {
            if (Check(claim, match) is { } check)
            {
                checks.Add(check);
            }
        }

        var confidence = assessed.Confidence;
        foreach (var ambiguous in checks.Where(c => c.Outcome == OrderOutcome.Ambiguous))
        {
            confidence = Math.Min(confidence, ambiguous.Claim.Ambiguous);
        }

        var reversed = checks.FirstOrDefault(c => c.Outcome == OrderOutcome.Reversed);
        var ruledOut = reversed is null
            ? null
            : new Contradiction(null, reversed.Text, new[] { match[reversed.Claim.BeforeSlot], match[reversed.Claim.AfterSlot] }.OfType<Fact>().ToList());
        return assessed with { Confidence = confidence, RuledOut = ruledOut, Order = checks };
    }

    private OrderCheck? Check(Model.OrderClaim claim, Fact?[] match)
    {
        var before = claim.BeforeSlot < match.Length ? match[claim.BeforeSlot] : null;
        var after = claim.AfterSlot < match.Length ? match[claim.AfterSlot] : null;
        if (before?["node"] is not string beforeNode || after?["node"] is not string afterNode
            || before["time"] is not DateTime beforeTime || after["time"] is not DateTime afterTime
            || string.Equals(beforeNode, afterNode, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var description = claim.Description.Render(match);
        var margin = afterTime - beforeTime;
        var (beforeClock, afterClock) = (clocks.Of(beforeNode), clocks.Of(afterNode));
        if (beforeClock is null || afterClock is null)
        {
            var unmeasured = margin >= TimeSpan.Zero ? OrderOutcome.Unmeasured : OrderOutcome.Reversed;
            var text = unmeasured == OrderOutcome.Unmeasured
                ? $"{description}: {afterNode} logged it {Span(margin)} after {beforeNode} as the logs read; nothing measures {beforeNode}'s and {afterNode}'s clocks against each other, so the order assumes they agree"
                : $"{description} does not hold as the logs read: {afterNode}'s event came {Span(-margin)} before {beforeNode}'s (nothing measures {beforeNode}'s and {afterNode}'s clocks against each other)";
            return new OrderCheck(claim, description, beforeNode, afterNode, margin, null, unmeasured, false, text);
        }

        var tolerance = beforeClock.Uncertainty + afterClock.Uncertainty;
        var outcome = Outcome(margin, tolerance);
        var raw = margin + afterClock.Correction - beforeClock.Correction;
        var depends = Outcome(raw, tolerance) != outcome;
        var clocksText = $"the ±{Span(tolerance)} the two clocks may disagree by ({beforeNode}: {beforeClock.Basis}; {afterNode}: {afterClock.Basis})";
        var correction = depends ? $"; as the logs read it would be {Span(raw, signed: true)}, so this rests on the clock correction" : "";
        var sentence = outcome switch
        {
            OrderOutcome.Holds => $"{description}: {afterNode} logged it {Span(margin)} after {beforeNode}, more than {clocksText}{correction}",
            OrderOutcome.Ambiguous => $"{description} is uncertain: the events are {Span(margin, signed: true)} apart, within {clocksText}, so either could have come first; confidence at most {claim.Ambiguous.ToString(CultureInfo.InvariantCulture)}{correction}",
            _ => $"{description} does not hold: {afterNode}'s event came {Span(-margin)} before {beforeNode}'s, beyond {clocksText}{correction}",
        };
        return new OrderCheck(claim, description, beforeNode, afterNode, margin, tolerance, outcome, depends, sentence);
    }

    private static OrderOutcome Outcome(TimeSpan margin, TimeSpan tolerance) =>
        margin > tolerance ? OrderOutcome.Holds : margin < -tolerance ? OrderOutcome.Reversed : OrderOutcome.Ambiguous;

    /// <summary>A duration for people: "2.4 s", "3 min 10 s", "2 h 5 min"; signed shows + or −.</summary>
    public static string Span(TimeSpan span, bool signed = false)
    {
        var sign = signed ? (span < TimeSpan.Zero ? "−" : "+") : span < TimeSpan.Zero ? "−" : "";
        var d = span.Duration();
        var text = d.TotalSeconds < 60 ? $"{Math.Round(d.TotalSeconds, 1).ToString(CultureInfo.InvariantCulture)} s"
            : d.TotalHours < 1 ? $"{(int)d.TotalMinutes} min {d.Seconds} s"
            : $"{(int)d.TotalHours} h {d.Minutes} min";
        return sign + text;
    }
}
