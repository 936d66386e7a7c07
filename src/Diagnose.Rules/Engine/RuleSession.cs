using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Engine;

/// <summary>
/// Working memory and agenda for one analysis. Facts are inserted, then <see cref="Run"/> fires
/// activations one at a time: highest priority first, then the most recent match; each match fires
/// once (refraction). Derived facts feed back into matching until nothing new can fire.
/// This first engine re-matches naively after each firing; the Rete network (issue 5) replaces it.
/// </summary>
public sealed class RuleSession
{
    private readonly RuleSet _rules;
    private readonly Dictionary<FactSchema, List<Fact>> _facts = [];
    private readonly HashSet<string> _fired = new(StringComparer.Ordinal);
    private readonly HashSet<string> _derivedKeys = new(StringComparer.Ordinal);
    private readonly List<Conclusion> _conclusions = [];
    private readonly List<Activation> _firings = [];
    private long _nextId = 1;

    public RuleSession(RuleSet rules) => _rules = rules;

    public IReadOnlyList<Conclusion> Conclusions => _conclusions;

    public IReadOnlyList<Activation> Firings => _firings;

    /// <summary>Upper bound on firings in one run, so a rule set that derives without end stops with an error.</summary>
    public int MaxFirings { get; init; } = 1_000_000;

    public IEnumerable<Fact> Facts(FactSchema schema) => _facts.GetValueOrDefault(schema) ?? [];

    public void Insert(Fact fact)
    {
        if (fact.Id != 0)
        {
            throw new InvalidOperationException("the fact is already in a session");
        }

        fact.Id = _nextId++;
        if (!_facts.TryGetValue(fact.Schema, out var list))
        {
            _facts[fact.Schema] = list = [];
        }

        list.Add(fact);
    }

    public void Run()
    {
        while (NextActivation() is { } activation)
        {
            if (_firings.Count >= MaxFirings)
            {
                throw new InvalidOperationException($"more than {MaxFirings} rule firings: the rules derive facts without end (last: {activation.Rule.Id})");
            }

            _fired.Add(activation.Key);
            _firings.Add(activation);
            Fire(activation);
        }
    }

    private Activation? NextActivation()
    {
        Activation? best = null;
        foreach (var rule in _rules.Rules)
        {
            if (best is not null && rule.Priority < best.Rule.Priority)
            {
                continue;
            }

            foreach (var match in Matches(rule))
            {
                var activation = new Activation(rule, match);
                if (_fired.Contains(activation.Key))
                {
                    continue;
                }

                if (best is null || rule.Priority > best.Rule.Priority || (rule.Priority == best.Rule.Priority && activation.Recency > best.Recency))
                {
                    best = activation;
                }
            }
        }

        return best;
    }

    /// <summary>All complete matches of a rule against working memory, as slot arrays.</summary>
    internal IEnumerable<Fact?[]> Matches(Rule rule)
    {
        var current = new Fact?[rule.Slots];
        return Extend(rule, 0, current);
    }

    private IEnumerable<Fact?[]> Extend(Rule rule, int index, Fact?[] current)
    {
        if (index == rule.Patterns.Count)
        {
            yield return (Fact?[])current.Clone();
            yield break;
        }

        var pattern = rule.Patterns[index];
        var candidates = Facts(pattern.Schema);
        if (pattern.Kind == PatternKind.Match)
        {
            foreach (var fact in candidates)
            {
                current[pattern.Slot] = fact;
                if (pattern.Accepts(current))
                {
                    foreach (var match in Extend(rule, index + 1, current))
                    {
                        yield return match;
                    }
                }
            }

            current[pattern.Slot] = null;
            yield break;
        }

        var any = false;
        foreach (var fact in candidates)
        {
            current[pattern.Slot] = fact;
            if (pattern.Accepts(current))
            {
                any = true;
                break;
            }
        }

        current[pattern.Slot] = null;
        if (any == (pattern.Kind == PatternKind.Exists))
        {
            foreach (var match in Extend(rule, index + 1, current))
            {
                yield return match;
            }
        }
    }

    private void Fire(Activation activation)
    {
        var match = activation.Facts.ToArray();
        foreach (var action in activation.Rule.Actions)
        {
            switch (action)
            {
                case DeriveAction derive:
                    var values = new object?[derive.Schema.Fields.Count];
                    foreach (var (field, value) in derive.Values)
                    {
                        FieldTypes.TryCoerce(value.Evaluate(match), field.Type, out values[field.Index]);
                    }

                    // The same derived fact from another match adds nothing: keep the first proof.
                    var key = derive.Schema.Name + "|" + string.Join("|", values.Select(v => v is DateTime t ? t.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
                    if (_derivedKeys.Add(key))
                    {
                        Insert(new Fact(derive.Schema, values) { DerivedBy = activation });
                    }

                    break;
                case ConcludeAction conclude:
                    var evidence = new List<(string Role, Fact Fact)>();
                    foreach (var alias in conclude.Evidence)
                    {
                        if (activation.Bound(alias) is { } fact)
                        {
                            evidence.Add((alias, fact));
                        }
                    }

                    var subject = conclude.Subject is null ? null : activation.Bound(conclude.Subject);
                    _conclusions.Add(new Conclusion(conclude.Kind, conclude.Text.Render(match), conclude.Confidence, conclude.Plan, activation, evidence, subject));
                    break;
            }
        }
    }
}
