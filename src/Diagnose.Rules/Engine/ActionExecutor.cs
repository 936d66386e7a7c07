using System.Globalization;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Memory;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Engine;

/// <summary>
/// Carries out a fired activation's actions (derive facts, draw conclusions) and keeps their logical
/// support: when a fired match goes away, what it concluded goes, and the facts it derived lose one support;
/// those left with none are queued for withdrawal once the change that caused it is complete.
/// </summary>
internal sealed class ActionExecutor
{
    private readonly WorkingMemory _memory;
    private readonly Action<Fact> _insert;

    public ActionExecutor(WorkingMemory memory, Action<Fact> insert)
    {
        _memory = memory;
        _insert = insert;
    }

    public List<Conclusion> Conclusions { get; } = [];

    public List<Activation> Firings { get; } = [];

    public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>Derived facts that lost their last support.</summary>
    public Queue<Fact> Withdrawn { get; } = new();

    /// <summary>The activation whose actions are running.</summary>
    public Activation? Firing { get; private set; }

    public void Fire(Activation activation)
    {
        activation.State = ActivationState.Fired;
        Firings.Add(activation);
        Counts[activation.Rule.Id] = Counts.GetValueOrDefault(activation.Rule.Id) + 1;
        Firing = activation;
        try
        {
            var match = activation.Facts.ToArray();
            foreach (var action in activation.Rule.Actions)
            {
                switch (action)
                {
                    case DeriveAction derive:
                        Derive(activation, derive, match);
                        break;
                    case ConcludeAction conclude:
                        Conclude(activation, conclude, match);
                        break;
                }
            }
        }
        finally
        {
            Firing = null;
        }
    }

    /// <summary>Logical support: the match that fired is gone, so what it concluded and derived goes too.</summary>
    public void Withdraw(Activation activation)
    {
        activation.State = ActivationState.Withdrawn;
        foreach (var conclusion in activation.Drawn)
        {
            Conclusions.Remove(conclusion);
        }

        foreach (var fact in activation.Derived)
        {
            fact.Supports!.Remove(activation);
            if (fact.DerivedBy == activation)
            {
                fact.DerivedBy = fact.Supports.FirstOrDefault();
            }

            if (fact.Supports.Count == 0)
            {
                Withdrawn.Enqueue(fact);
            }
        }
    }

    private void Derive(Activation activation, DeriveAction derive, Fact?[] match)
    {
        var values = new object?[derive.Schema.Fields.Count];
        foreach (var (field, value) in derive.Values)
        {
            FieldTypes.TryCoerce(value.Evaluate(match), field.Type, out values[field.Index]);
        }

        // The same derived fact from another match is one fact with one more support.
        var key = derive.Schema.Name + "|" + string.Join("|", values.Select(v => v is DateTime t ? t.Ticks.ToString(CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture)?.ToUpperInvariant()));
        if (_memory.Derived.TryGetValue(key, out var existing))
        {
            existing.Supports!.Add(activation);
            activation.Derived.Add(existing);
        }
        else
        {
            var fact = new Fact(derive.Schema, values) { DerivedBy = activation, Supports = [activation], DerivedKey = key };
            _memory.Derived[key] = fact;
            activation.Derived.Add(fact);
            _insert(fact);
        }
    }

    private void Conclude(Activation activation, ConcludeAction conclude, Fact?[] match)
    {
        var evidence = new List<(string Role, Fact Fact)>();
        foreach (var alias in conclude.Evidence)
        {
            if (activation.Bound(alias) is { } bound)
            {
                foreach (var fact in Activation.Expand([bound]))
                {
                    evidence.Add((alias, fact));
                }
            }
        }

        var subject = conclude.Subject is null ? null : activation.Bound(conclude.Subject);
        var conclusion = new Conclusion(conclude.Kind, conclude.Text.Render(match), conclude.Confidence, conclude.Plan, activation, evidence, subject);
        activation.Drawn.Add(conclusion);
        Conclusions.Add(conclusion);
    }
}
