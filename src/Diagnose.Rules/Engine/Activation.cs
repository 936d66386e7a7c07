using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Engine;

/// <summary>
/// A rule with one complete match: the fact bound to each pattern's slot (null for <c>not</c> and
/// <c>exists</c> patterns). It is the proof of whatever the rule concludes or derives.
/// </summary>
public sealed class Activation
{
    internal Activation(Rule rule, Fact?[] facts)
    {
        Rule = rule;
        Facts = facts;
        Recency = facts.Max(f => f?.Id ?? 0);
        Key = rule.Id + ":" + string.Join(",", facts.Select(f => f?.Id ?? 0));
    }

    public Rule Rule { get; }

    public IReadOnlyList<Fact?> Facts { get; }

    /// <summary>The newest fact in the match; the agenda prefers recent matches among equal priorities.</summary>
    public long Recency { get; }

    /// <summary>Identity of the match, for refraction: the same rule never fires twice on the same facts.</summary>
    internal string Key { get; }

    /// <summary>The fact bound to an alias of the rule, or null.</summary>
    public Fact? Bound(string alias) =>
        Rule.Patterns.FirstOrDefault(p => p.Alias == alias) is { Kind: PatternKind.Match } p ? Facts[p.Slot] : null;

    /// <summary>Every derived fact this proof rests on, directly or through the rules that derived them.</summary>
    public IEnumerable<Fact> DerivedSupport()
    {
        foreach (var fact in Facts)
        {
            if (fact?.DerivedBy is { } by)
            {
                yield return fact;
                foreach (var deeper in by.DerivedSupport())
                {
                    yield return deeper;
                }
            }
        }
    }

    /// <summary>Every input (non-derived) fact this proof rests on, down through derived facts.</summary>
    public IEnumerable<Fact> InputSupport()
    {
        foreach (var fact in Facts)
        {
            if (fact is null)
            {
                continue;
            }

            if (fact.DerivedBy is { } by)
            {
                foreach (var deeper in by.InputSupport())
                {
                    yield return deeper;
                }
            }
            else
            {
                yield return fact;
            }
        }
    }
}
