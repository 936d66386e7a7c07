using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Engine;

/// <summary>
/// A rule with one complete match: the fact bound to each slot (null for <c>not</c> and <c>exists</c>
/// patterns; the result fact for an <c>aggregate</c>). It is the proof of whatever the rule concludes or derives.
/// </summary>
public sealed class Activation
{
    internal Activation(Rule rule, Fact?[] facts, int order, long sequence)
    {
        Rule = rule;
        Facts = facts;
        Order = order;
        Sequence = sequence;
        long recency = 0;
        foreach (var f in facts)
        {
            if (f is not null && f.Id > recency)
            {
                recency = f.Id;
            }
        }

        Recency = recency;
    }

    /// <summary>The rule this activation is a match of.</summary>
    public Rule Rule { get; }

    /// <summary>The match, one entry per slot of <see cref="Model.Rule.Slots"/>; null where a <c>not</c> or <c>exists</c> pattern binds nothing.</summary>
    public IReadOnlyList<Fact?> Facts { get; }

    /// <summary>The newest fact in the match; the agenda prefers recent matches among equal priorities.</summary>
    public long Recency { get; }

    /// <summary>Pending on the agenda, fired, or withdrawn because its match went away.</summary>
    public ActivationState State { get; internal set; }

    /// <summary>The rule's position in the rule set (agenda tie-break) and the activation's creation number.</summary>
    internal int Order { get; }

    internal long Sequence { get; }

    /// <summary>Facts this activation derived (and logically supports) and conclusions it drew.</summary>
    internal List<Fact> Derived { get; } = [];

    internal List<Conclusion> Drawn { get; } = [];

    /// <summary>The fact bound to an alias of the rule (a pattern's alias or an aggregate's <c>into</c>), or null.</summary>
    public Fact? Bound(string alias) =>
        Rule.Patterns.FirstOrDefault(p => p.BoundAlias == alias && p.Kind is PatternKind.Match or PatternKind.Aggregate) is { } p ? Facts[p.BoundSlot] : null;

    /// <summary>Every derived fact this proof rests on, directly or through the rules that derived them.</summary>
    public IEnumerable<Fact> DerivedSupport()
    {
        foreach (var fact in Expand(Facts))
        {
            if (fact.DerivedBy is { } by)
            {
                yield return fact;
                foreach (var deeper in by.DerivedSupport())
                {
                    yield return deeper;
                }
            }
        }
    }

    /// <summary>Every input (non-derived) fact this proof rests on, down through derived facts and aggregate members.</summary>
    public IEnumerable<Fact> InputSupport()
    {
        foreach (var fact in Expand(Facts))
        {
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

    /// <summary>The facts of a match with aggregate results replaced by the facts they collected.</summary>
    internal static IEnumerable<Fact> Expand(IEnumerable<Fact?> facts)
    {
        foreach (var fact in facts)
        {
            if (fact?.Members is { } members)
            {
                foreach (var m in members)
                {
                    yield return m;
                }
            }
            else if (fact is not null)
            {
                yield return fact;
            }
        }
    }

    /// <summary>The rule id and the bound facts in slot order ("-" for an empty slot), for logs and tests.</summary>
    public override string ToString() => $"{Rule.Id}({string.Join(", ", Facts.Select(f => f?.ToString() ?? "-"))})";
}
