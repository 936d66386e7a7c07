using Diagnose.Rules.Engine;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Testing;

/// <summary>
/// Runs the examples written beside the rules: each example's facts go into a fresh session of the whole
/// rule set (so chained rules take part), and the rule must fire as often as the example says. The rule
/// set is compiled once; each example gets only a new session.
/// </summary>
public static class ExampleRunner
{
    public static IReadOnlyList<ExampleResult> RunAll(RuleSet rules)
    {
        var sessions = SessionFactory.Compile(rules);
        return [.. rules.Rules.SelectMany(rule => rule.Examples.Select(e => Run(sessions, rule, e)))];
    }

    public static ExampleResult Run(SessionFactory sessions, Rule rule, RuleExample example)
    {
        var session = sessions.CreateSession();
        foreach (var fact in example.Facts)
        {
            session.Insert(fact.Create(example));
        }

        session.Run();
        var fired = session.FiringCounts.GetValueOrDefault(rule.Id);
        var result = new ExampleResult(rule, example, fired, null);
        return result.Passed || fired > 0 ? result : result with { WhyNot = session.WhyNot(rule.Id).ToString() };
    }
}
