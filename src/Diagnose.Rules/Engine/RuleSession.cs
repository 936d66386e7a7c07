using System.Globalization;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;
using Diagnose.Rules.Network;

namespace Diagnose.Rules.Engine;

/// <summary>
/// Working memory and agenda for one analysis, matched by a Rete network built from the rule set.
/// Facts are inserted, retracted or updated at any time; matches are kept up to date incrementally.
/// <see cref="Run"/> fires activations one at a time: highest priority first, then the most recent
/// match; each match fires once (refraction). Derived facts feed back into matching (chaining) and are
/// logically supported: when every match that derived one goes away, the fact is withdrawn too, and
/// so are the conclusions drawn from it.
/// </summary>
public sealed partial class RuleSession
{
    private readonly RuleSet _rules;
    private readonly ReteNetwork _network;
    private readonly Agenda _agenda = new();
    private readonly Dictionary<FactSchema, HashSet<Fact>> _live = [];
    private readonly Dictionary<string, Fact> _derived = new(StringComparer.Ordinal);
    private readonly List<Conclusion> _conclusions = [];
    private readonly List<Activation> _firings = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Queue<Fact> _withdrawn = new();
    private readonly Action<AlphaMemory, Fact> _onInsert;
    private readonly Action<AlphaMemory, Fact> _onRetract;
    private long _nextId = 1;
    private long _sequence;
    private bool _draining;
    private bool _expiring;
    private bool _ending;
    private Activation? _firing;

    public RuleSession(RuleSet rules)
    {
        // Cached so that inserting a fact allocates no closure.
        _onInsert = (memory, f) =>
        {
            Remember(memory, f);
            memory.Activate(f);
        };
        _onRetract = (memory, f) =>
        {
            if (memory.Facts.Contains(f))
            {
                f.Memberships--;
                memory.Retract(f);
            }
        };
        _rules = rules;
        _network = ReteBuilder.Build(rules, this);
        foreach (var (first, root) in _network.Roots)
        {
            first.LeftActivate(root);
        }
    }

    /// <summary>Conclusions of fired activations whose match still holds.</summary>
    public IReadOnlyList<Conclusion> Conclusions => _conclusions;

    /// <summary>Every activation fired, in firing order (including any later withdrawn).</summary>
    public IReadOnlyList<Activation> Firings => _firings;

    /// <summary>How many times each rule fired.</summary>
    public IReadOnlyDictionary<string, int> FiringCounts => _counts;

    /// <summary>Upper bound on firings in one run, so a rule set that derives without end stops with an error.</summary>
    public int MaxFirings { get; init; } = 1_000_000;

    /// <summary>Facts in working memory of a type (input facts that some pattern can use, and derived facts).</summary>
    public IEnumerable<Fact> Facts(FactSchema schema) => _live.GetValueOrDefault(schema) ?? [];

    /// <summary>Number of facts held in working memory.</summary>
    public int FactCount => _live.Values.Sum(s => s.Count);

    public void Insert(Fact fact)
    {
        if (fact.Id != 0)
        {
            throw new InvalidOperationException("the fact is already in a session");
        }

        Stamp(fact);
        fact.Live = true;
        var kept = fact.DerivedBy is not null;
        if (_network.AlphaRoots.TryGetValue(fact.Schema, out var root))
        {
            kept |= root.Propagate(fact, _onInsert);
        }

        // A fact no pattern can use is not kept: it can never take part in a match.
        if (kept)
        {
            Live(fact.Schema).Add(fact);
        }

        Drain();
    }

    /// <summary>Removes a fact: every match built on it goes, <c>not</c> patterns it blocked may now match, and what was derived from it is withdrawn.</summary>
    public void Retract(Fact fact)
    {
        if (!fact.Live)
        {
            throw new InvalidOperationException("the fact is not in this session");
        }

        Remove(fact);
        Drain();
    }

    /// <summary>Changes fields of an input fact: it is retracted and inserted again with the new values.</summary>
    public void Update(Fact fact, IReadOnlyDictionary<string, object?> changes)
    {
        if (fact.DerivedBy is not null)
        {
            throw new InvalidOperationException("a derived fact changes only through the facts it is derived from");
        }

        Retract(fact);
        foreach (var (name, value) in changes)
        {
            var field = fact.Schema.Field(name) ?? throw new ArgumentException($"fact '{fact.Schema.Name}' has no field '{name}'", nameof(changes));
            if (!FieldTypes.TryCoerce(value, field.Type, out var coerced))
            {
                throw new ArgumentException($"field '{fact.Schema.Name}.{name}' is {FieldTypes.Name(field.Type)}, got '{value}'", nameof(changes));
            }

            fact.Values[field.Index] = coerced;
        }

        fact.Id = 0;
        Insert(fact);
    }

    /// <summary>Fires everything that can fire, including (when streaming) matches whose window is still open: the input has ended.</summary>
    public void Run()
    {
        _ending = true;
        try
        {
            FlushWaiting();
            RunAgenda();
        }
        finally
        {
            _ending = false;
        }
    }

    private void RunAgenda()
    {
        while (_agenda.Next() is { } activation)
        {
            if (_firings.Count >= MaxFirings)
            {
                throw new InvalidOperationException($"more than {MaxFirings} rule firings: the rules derive facts without end (last: {activation.Rule.Id})");
            }

            activation.State = ActivationState.Fired;
            _firings.Add(activation);
            _counts[activation.Rule.Id] = _counts.GetValueOrDefault(activation.Rule.Id) + 1;
            _firing = activation;
            try
            {
                Fire(activation);
            }
            finally
            {
                _firing = null;
            }
        }
    }

    internal void Stamp(Fact fact) => fact.Id = _nextId++;

    internal Activation Activate(TerminalNode node, Token token)
    {
        var activation = new Activation(node.Rule, token.Facts, node.Order, ++_sequence);
        Schedule(activation);
        return activation;
    }

    internal void Deactivate(Activation activation)
    {
        if (activation.State == ActivationState.Pending)
        {
            activation.State = ActivationState.Withdrawn;
            return;
        }

        // A rule whose own action removes its match (the "not yet derived" guard) keeps what it did,
        // and a window that expires old facts is not a retraction.
        if (activation.State != ActivationState.Fired || activation == _firing || _expiring)
        {
            return;
        }

        // Logical support: the match that fired is gone, so what it concluded and derived goes too.
        activation.State = ActivationState.Withdrawn;
        foreach (var conclusion in activation.Drawn)
        {
            _conclusions.Remove(conclusion);
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
                _withdrawn.Enqueue(fact);
            }
        }
    }

    private void Remove(Fact fact)
    {
        fact.Live = false;
        if (fact.Tokens is { } tokens)
        {
            fact.Tokens = null;
            foreach (var token in tokens.ToArray())
            {
                token.Remove();
            }
        }

        if (_network.AlphaRoots.TryGetValue(fact.Schema, out var root))
        {
            root.Propagate(fact, _onRetract);
        }

        _live.GetValueOrDefault(fact.Schema)?.Remove(fact);
        if (fact.DerivedKey is { } key)
        {
            _derived.Remove(key);
        }
    }

    /// <summary>Withdraws derived facts that lost their last support, after the change that caused it is complete.</summary>
    private void Drain()
    {
        if (_draining)
        {
            return;
        }

        _draining = true;
        try
        {
            while (_withdrawn.TryDequeue(out var fact))
            {
                if (fact.Live && fact.Supports is { Count: 0 })
                {
                    Remove(fact);
                }
            }
        }
        finally
        {
            _draining = false;
        }
    }

    private HashSet<Fact> Live(FactSchema schema)
    {
        if (!_live.TryGetValue(schema, out var set))
        {
            _live[schema] = set = [];
        }

        return set;
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

                    // The same derived fact from another match is one fact with one more support.
                    var key = derive.Schema.Name + "|" + string.Join("|", values.Select(v => v is DateTime t ? t.Ticks.ToString(CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture)?.ToUpperInvariant()));
                    if (_derived.TryGetValue(key, out var existing))
                    {
                        existing.Supports!.Add(activation);
                        activation.Derived.Add(existing);
                    }
                    else
                    {
                        var fact = new Fact(derive.Schema, values) { DerivedBy = activation, Supports = [activation], DerivedKey = key };
                        _derived[key] = fact;
                        activation.Derived.Add(fact);
                        Insert(fact);
                    }

                    break;
                case ConcludeAction conclude:
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
                    _conclusions.Add(conclusion);
                    break;
            }
        }
    }
}
