using Diagnose.Core.Reports;
using Diagnose.Rules.Engine;
using Diagnose.Rules.Evidence;
using Diagnose.Rules.Model;

namespace Diagnose.Analysis;

/// <summary>Resolves the ids asked for with <c>--why-not</c> and turns the session's explanations into the report's shape.</summary>
internal static class WhyNotExplainer
{
    /// <summary>The rules named directly or through their article, in rule-set order; throws for an id that names neither.</summary>
    public static List<Rule> Resolve(RuleSet rules, IReadOnlyList<string> ids)
    {
        var unknown = ids.Where(id => !rules.Rules.Any(r => Names(r, id))).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"--why-not: no rule and no article with rules is named {string.Join(", ", unknown.Select(u => $"'{u}'"))}", nameof(ids));
        }

        return rules.Rules.Where(r => ids.Any(id => Names(r, id))).ToList();
    }

    public static WhyNotItem Explain(RuleSession session, Rule rule, IReadOnlyList<Assessment> assessed)
    {
        var why = session.WhyNot(rule.Id);
        var patterns = why.Steps.Select(s => new WhyNotPattern
        {
            Index = s.Index + 1,
            Kind = s.Kind,
            Alias = s.Alias,
            Fact = s.FactType,
            Tests = s.OwnTests,
            JoinTests = s.JoinTests,
            Candidates = s.Candidates,
            Reaching = s.Reaching,
            Passing = s.Passing,
        }).ToList();

        // The first pattern that partial matches reached and none got past is the one that had no match.
        var stopped = why.Fired == 0 && why.Pending == 0 ? patterns.FirstOrDefault(p => p.Reaching > 0 && p.Passing == 0) : null;
        // A rule that fired but whose every conclusion an 'unless' entry contradicts did not diagnose: say why.
        var own = assessed.Where(a => a.Conclusion.Rule.Id == rule.Id).ToList();
        var ruledOut = own.Count > 0 && own.All(a => a.IsRuledOut)
            ? string.Join("; ", own.Select(a => a.RuledOut!.Reason).Distinct(StringComparer.Ordinal))
            : null;
        var reason = ruledOut is null ? why.Summary : $"{why.Summary}, but it was ruled out: {ruledOut}";
        return new WhyNotItem { Rule = rule.Id, Kb = rule.Kb, Fired = why.Fired, StoppedAt = stopped, Reason = reason, RuledOut = ruledOut, Patterns = patterns };
    }

    private static bool Names(Rule rule, string id) =>
        string.Equals(rule.Id, id, StringComparison.OrdinalIgnoreCase) || string.Equals(rule.Kb, id, StringComparison.OrdinalIgnoreCase);
}
