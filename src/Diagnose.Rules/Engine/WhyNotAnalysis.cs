using Diagnose.Rules.Memory;
using Diagnose.Rules.Model;
using Diagnose.Rules.Network;

namespace Diagnose.Rules.Engine;

/// <summary>Reads one session's node memories to say how far a rule's matches got and which pattern stopped them.</summary>
internal static class WhyNotAnalysis
{
    public static WhyNotReport Explain(ReteNetwork network, WorkingMemory memory, Agenda agenda, IReadOnlyDictionary<string, int> counts, string ruleId)
    {
        var rule = network.Rules.Find(ruleId) ?? throw new ArgumentException($"no rule '{ruleId}'", nameof(ruleId));
        var chain = network.Chains[ruleId];
        var steps = new List<WhyNotStep>();
        string? summary = null;
        for (var i = 0; i < rule.Patterns.Count; i++)
        {
            var node = chain[i];
            var pattern = rule.Patterns[i];
            var reaching = memory.Beta(node).LeftCount;
            var passing = memory.Beta(chain[i + 1]).LeftCount;
            var candidates = node.Alpha is { } alpha ? memory.AlphaIfAny(alpha)?.Facts.Count ?? 0 : 0;
            steps.Add(new WhyNotStep(i, pattern.Kind.ToString().ToLowerInvariant(), pattern.BoundAlias, pattern.Schema.Name,
                node.Alpha?.Description ?? "", node.Join.Description, candidates, reaching, passing));
            if (summary is null && passing == 0 && reaching > 0 && !counts.ContainsKey(ruleId))
            {
                summary = Stopped(memory, pattern, node, candidates, reaching);
            }
        }

        var fired = counts.GetValueOrDefault(ruleId);
        var pending = agenda.Pending.Count(a => a.Rule.Id == ruleId);
        summary ??= fired > 0 ? $"it fired {fired} time(s)" : pending > 0 ? $"{pending} match(es) wait on the agenda: call Run" : "its matches were withdrawn";
        return new WhyNotReport(ruleId, fired, pending, steps, summary);
    }

    private static string Stopped(WorkingMemory memory, Pattern pattern, BetaNode node, int candidates, int reaching)
    {
        var what = $"pattern {pattern.Kind.ToString().ToLowerInvariant()} '{pattern.Alias}' ({pattern.Schema.Name})";
        switch (pattern.Kind)
        {
            case PatternKind.Not:
                var token = memory.Beta(node).LeftTokens.First();
                var blocker = (node as NotNode)?.Blocker(memory, token);
                return $"{what} is matched, so the rule is blocked" + (blocker is null ? "" : $": for example by {blocker}");
            case PatternKind.Aggregate:
                return $"{what}: the 'having' test fails for every group ({reaching} group(s))";
            default:
                return candidates == 0
                    ? $"{what} has no match: no {pattern.Schema.Name} fact passes its own tests [{node.Alpha?.Description}]"
                    : $"{what} has no match: {candidates} {pattern.Schema.Name} fact(s) pass its own tests, but none joins the {reaching} match(es) of the patterns before it [{node.Join.Description}]";
        }
    }
}
