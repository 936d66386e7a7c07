using Diagnose.Rules.Model;
using Diagnose.Rules.Network;

namespace Diagnose.Rules.Engine;

public sealed partial class RuleSession
{
    /// <summary>
    /// Explains how far a rule's matches got and which pattern stopped them. The counts are of what working
    /// memory holds now: after a streaming run, facts outside every window have been forgotten.
    /// </summary>
    public WhyNotReport WhyNot(string ruleId)
    {
        var rule = _rules.Find(ruleId) ?? throw new ArgumentException($"no rule '{ruleId}'", nameof(ruleId));
        var chain = _network.Chains[ruleId];
        var steps = new List<WhyNotStep>();
        string? summary = null;
        for (var i = 0; i < rule.Patterns.Count; i++)
        {
            var node = chain[i];
            var pattern = rule.Patterns[i];
            var passing = chain[i + 1].LeftCount;
            steps.Add(new WhyNotStep(i, pattern.Kind.ToString().ToLowerInvariant(), pattern.BoundAlias, pattern.Schema.Name,
                node.Alpha?.Description ?? "", node.Join.Description, node.Alpha?.Facts.Count ?? 0, node.LeftCount, passing));
            if (summary is null && passing == 0 && node.LeftCount > 0 && !_counts.ContainsKey(ruleId))
            {
                summary = Stopped(pattern, node);
            }
        }

        var fired = _counts.GetValueOrDefault(ruleId);
        var pending = _agenda.Pending.Count(a => a.Rule.Id == ruleId);
        summary ??= fired > 0 ? $"it fired {fired} time(s)" : pending > 0 ? $"{pending} match(es) wait on the agenda: call Run" : "its matches were withdrawn";
        return new WhyNotReport(ruleId, fired, pending, steps, summary);
    }

    private static string Stopped(Pattern pattern, BetaNode node)
    {
        var what = $"pattern {pattern.Kind.ToString().ToLowerInvariant()} '{pattern.Alias}' ({pattern.Schema.Name})";
        var candidates = node.Alpha?.Facts.Count ?? 0;
        switch (pattern.Kind)
        {
            case PatternKind.Not:
                var token = node.LeftTokens.First();
                var blocker = (node as NotNode)?.Blocker(token);
                return $"{what} is matched, so the rule is blocked" + (blocker is null ? "" : $": for example by {blocker}");
            case PatternKind.Aggregate:
                return $"{what}: the 'having' test fails for every group ({node.LeftCount} group(s))";
            default:
                return candidates == 0
                    ? $"{what} has no match: no {pattern.Schema.Name} fact passes its own tests [{node.Alpha?.Description}]"
                    : $"{what} has no match: {candidates} {pattern.Schema.Name} fact(s) pass its own tests, but none joins the {node.LeftCount} match(es) of the patterns before it [{node.Join.Description}]";
        }
    }
}
