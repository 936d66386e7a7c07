using Diagnose.Rules.Expressions;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Network;

/// <summary>
/// What the rules must remember when facts stream in time order. From each rule's time constraints
/// (<c>b.time &lt;= a.time + 10m</c>, <c>b.time - a.time &lt;= 10m</c>, <c>a.time == b.time</c>, …) it bounds how far
/// apart the <c>time</c> fields of one match can be (the rule's span, by shortest paths over the difference
/// constraints). A derived fact's time may lag the clock by the span of the rule that derived it plus what
/// that rule waited for (its lag). A match is settled — no fact that could still join or block it can
/// arrive — once the clock passes its earliest time + span + lag; a fact is no longer needed once the
/// clock passes its time + span + lag for every rule that uses it. A rule whose time-bearing patterns are
/// not all linked by bounds has no span: its facts are kept and its matches fire at the end.
/// </summary>
internal sealed class WindowAnalysis
{
    public const string TimeField = "time";

    public Dictionary<string, long?> Wait { get; } = new(StringComparer.Ordinal);

    public static int TimeIndex(FactSchema schema) => schema.Field(TimeField) is { Type: FieldType.Time } f ? f.Index : -1;

    public static WindowAnalysis Of(RuleSet rules)
    {
        var analysis = new WindowAnalysis();
        var spans = rules.Rules.ToDictionary(r => r.Id, Span, StringComparer.Ordinal);
        var producers = new Dictionary<FactSchema, List<(Rule Rule, bool CopiesTime)>>();
        foreach (var rule in rules.Rules)
        {
            foreach (var derive in rule.Actions.OfType<DeriveAction>())
            {
                var copies = TimeIndex(derive.Schema) < 0 || derive.Values.Any(v => v.Field.Name == TimeField && v.Value.Node is FieldNode f && f.Field == TimeField);
                if (!producers.TryGetValue(derive.Schema, out var list))
                {
                    producers[derive.Schema] = list = [];
                }

                list.Add((rule, copies));
            }
        }

        // lag(schema): how far behind the clock a new fact of the type can be. Resolved recursively;
        // a cycle through time-bearing derived types has no bound.
        var lag = new Dictionary<FactSchema, long?>();
        var visiting = new HashSet<FactSchema>();
        foreach (var rule in rules.Rules)
        {
            analysis.Wait[rule.Id] = WaitOf(rule);
        }

        return analysis;

        long? WaitOf(Rule rule)
        {
            if (spans[rule.Id] is not { } span)
            {
                return null;
            }

            long wait = 0;
            foreach (var p in rule.Patterns.Where(p => TimeIndex(p.Schema) >= 0))
            {
                // A type only this rule derives cannot arrive late: the rule itself inserts it when it fires.
                if (producers.TryGetValue(p.Schema, out var ps) && ps.All(x => x.Rule == rule))
                {
                    continue;
                }

                if (LagOf(p.Schema) is not { } l)
                {
                    return null;
                }

                wait = Math.Max(wait, l);
            }

            return span + wait;
        }

        long? LagOf(FactSchema schema)
        {
            if (!producers.TryGetValue(schema, out var list))
            {
                return 0; // an input type: facts arrive in time order
            }

            if (lag.TryGetValue(schema, out var known))
            {
                return known;
            }

            if (!visiting.Add(schema))
            {
                return null;
            }

            long? result = 0;
            foreach (var (rule, copies) in list)
            {
                var w = copies ? WaitOf(rule) : null;
                result = w is null || result is null ? null : Math.Max(result.Value, w.Value);
            }

            visiting.Remove(schema);
            lag[schema] = result;
            return result;
        }
    }

    /// <summary>Upper bound (ticks) on the difference of the time fields of any two facts of one match, or null.</summary>
    private static long? Span(Rule rule)
    {
        var aliases = rule.Patterns.Where(p => TimeIndex(p.Schema) >= 0).Select(p => p.Alias).ToList();
        if (aliases.Count <= 1)
        {
            return 0;
        }

        var n = aliases.Count;
        var d = new long[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                d[i, j] = i == j ? 0 : long.MaxValue;
            }
        }

        foreach (var part in rule.Patterns.SelectMany(p => Conjuncts.Split(p.Condition?.Node)))
        {
            foreach (var (a, b, c) in Differences(part))
            {
                var (i, j) = (aliases.IndexOf(a), aliases.IndexOf(b));
                if (i >= 0 && j >= 0 && c < d[i, j])
                {
                    d[i, j] = c; // time(a) - time(b) <= c
                }
            }
        }

        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (d[i, k] != long.MaxValue && d[k, j] != long.MaxValue && d[i, k] + d[k, j] < d[i, j])
                    {
                        d[i, j] = d[i, k] + d[k, j];
                    }
                }
            }
        }

        long span = 0;
        foreach (var v in d)
        {
            if (v == long.MaxValue)
            {
                return null;
            }

            span = Math.Max(span, v);
        }

        return span;
    }

    /// <summary>Difference constraints <c>time(a) - time(b) &lt;= c</c> (ticks) that a comparison implies.</summary>
    private static IEnumerable<(string A, string B, long C)> Differences(ExprNode part)
    {
        if (part is not BinaryNode { Operator: "<" or "<=" or ">" or ">=" or "==" } cmp)
        {
            yield break;
        }

        // Bring both sides to (alias time + offset) or (alias time - alias time) or a constant.
        var l = Linear(cmp.Left);
        var r = Linear(cmp.Right);
        if (l is null || r is null)
        {
            yield break;
        }

        // left - right = (pos terms - neg terms) + (lc - rc); need exactly one positive and one negative alias.
        var pos = l.Value.Pos.Concat(r.Value.Neg).ToList();
        var neg = l.Value.Neg.Concat(r.Value.Pos).ToList();
        if (pos.Count != 1 || neg.Count != 1)
        {
            yield break;
        }

        var k = r.Value.C - l.Value.C; // pos - neg  op  k
        if (cmp.Operator is "<" or "<=" or "==")
        {
            yield return (pos[0], neg[0], k);
        }

        if (cmp.Operator is ">" or ">=" or "==")
        {
            yield return (neg[0], pos[0], -k);
        }
    }

    private static (List<string> Pos, List<string> Neg, long C)? Linear(ExprNode node)
    {
        switch (node)
        {
            case FieldNode { Field: TimeField } f:
                return ([f.Alias], [], 0);
            case LiteralNode { Value: TimeSpan t }:
                return ([], [], t.Ticks);
            case UnaryNode { Operator: "-", Operand: LiteralNode { Value: TimeSpan t } }:
                return ([], [], -t.Ticks);
            case BinaryNode { Operator: "+" or "-" } b:
                var l = Linear(b.Left);
                var r = Linear(b.Right);
                if (l is null || r is null)
                {
                    return null;
                }

                return b.Operator == "+"
                    ? ([.. l.Value.Pos, .. r.Value.Pos], [.. l.Value.Neg, .. r.Value.Neg], l.Value.C + r.Value.C)
                    : ([.. l.Value.Pos, .. r.Value.Neg], [.. l.Value.Neg, .. r.Value.Pos], l.Value.C - r.Value.C);
            default:
                return null;
        }
    }
}
