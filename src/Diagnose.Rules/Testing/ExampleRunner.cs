using Diagnose.Rules.Engine;
using Diagnose.Rules.Evidence;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Testing;

/// <summary>
/// Runs the examples written beside the rules: each example's facts go into a fresh session of the whole
/// rule set (so chained rules take part), and the rule must fire as often as the example says. An example
/// may also say whether the rule's conclusions are ruled out (<c>ruledOut</c>) and the confidence its
/// diagnosis gets (<c>confidence</c>), both weighed as <c>analyze</c> weighs them. The rule set is compiled
/// once; each example gets only a new session.
/// </summary>
public static class ExampleRunner
{
    /// <summary>Compiles the rule set once and runs every example of every rule, in rule order.</summary>
    public static IReadOnlyList<ExampleResult> RunAll(RuleSet rules)
    {
        var sessions = SessionFactory.Compile(rules);
        return [.. rules.Rules.SelectMany(rule => rule.Examples.Select(e => Run(sessions, rule, e)))];
    }

    /// <summary>Runs one example of <paramref name="rule"/> in a new session; the why-not report is added only when the example fails and the rule never fired.</summary>
    public static ExampleResult Run(SessionFactory sessions, Rule rule, RuleExample example)
    {
        var session = sessions.CreateSession();
        var inputs = example.Facts.Select(f => f.Create(example)).ToList();
        foreach (var fact in inputs)
        {
            session.Insert(fact);
        }

        session.Run();
        var fired = session.FiringCounts.GetValueOrDefault(rule.Id);
        var assessor = new EvidenceAssessor(new FactSource(inputs, session, sessions.Rules.Schemas));
        var assessed = session.Conclusions.Where(c => c.Rule.Id == rule.Id).Select(assessor.Assess).Select(new OrderAssessor(UnmeasuredClocks.Instance).Apply).ToList();
        var result = new ExampleResult(rule, example, fired, null)
        {
            RuledOut = assessed.Count == 0 ? null : assessed.All(a => a.IsRuledOut),
            Confidence = assessed.Where(a => !a.IsRuledOut && a.Conclusion.Kind == ConclusionKind.Diagnosis).Select(a => (double?)a.Confidence).Max(),
        };
        return result.Passed || fired > 0 ? result : result with { WhyNot = session.WhyNot(rule.Id).ToString() };
    }
}
