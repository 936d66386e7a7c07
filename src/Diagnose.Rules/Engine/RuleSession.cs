using Diagnose.Rules.Facts;
using Diagnose.Rules.Memory;
using Diagnose.Rules.Model;
using Diagnose.Rules.Network;

namespace Diagnose.Rules.Engine;

/// <summary>
/// One analysis on a compiled rule set: its own <see cref="WorkingMemory"/> on a network shared with every
/// other session of the rule set (<see cref="SessionFactory"/>), its agenda and its streaming clock.
/// Facts are inserted, retracted or updated at any time; matches are kept up to date incrementally.
/// <see cref="Run"/> fires activations one at a time: highest priority first, then the most recent
/// match; each match fires once (refraction). Derived facts feed back into matching (chaining) and are
/// logically supported: when every match that derived one goes away, the fact is withdrawn too, and
/// so are the conclusions drawn from it. A session is not thread-safe; separate sessions are.
/// </summary>
public sealed class RuleSession : IActivationSink
{
    private readonly ReteNetwork _network;
    private readonly WorkingMemory _memory;
    private readonly Agenda _agenda = new();
    private readonly WindowScheduler _scheduler;
    private readonly ActionExecutor _actions;
    private readonly Action<AlphaMemoryNode, Fact> _onInsert;
    private readonly Action<AlphaMemoryNode, Fact> _onRetract;
    private readonly Action _runAgenda;
    private long _sequence;
    private bool _draining;

    /// <summary>A session with a network of its own. To run many sessions of one rule set, compile it once with <see cref="SessionFactory.Compile"/>.</summary>
    public RuleSession(RuleSet rules)
        : this(ReteBuilder.Build(rules))
    {
    }

    internal RuleSession(ReteNetwork network)
    {
        _network = network;
        _memory = new WorkingMemory(network);
        _scheduler = new WindowScheduler(network, _memory, _agenda, this);
        _actions = new ActionExecutor(_memory, Insert);

        // Cached so that inserting a fact allocates no closure.
        _onInsert = (node, f) =>
        {
            _scheduler.Remember(node, f);
            node.Activate(_memory, this, f);
        };
        _onRetract = (node, f) =>
        {
            if (_memory.AlphaIfAny(node)?.Facts.Contains(f) == true)
            {
                f.Memberships--;
                node.Retract(_memory, this, f);
            }
        };
        _runAgenda = RunAgenda;
        foreach (var head in network.Heads)
        {
            head.LeftActivate(_memory, this, new Token(new Fact?[head.Rule.Slots], null, null));
        }
    }

    /// <summary>Conclusions of fired activations whose match still holds.</summary>
    public IReadOnlyList<Conclusion> Conclusions => _actions.Conclusions;

    /// <summary>Every activation fired, in firing order (including any later withdrawn).</summary>
    public IReadOnlyList<Activation> Firings => _actions.Firings;

    /// <summary>How many times each rule fired.</summary>
    public IReadOnlyDictionary<string, int> FiringCounts => _actions.Counts;

    /// <summary>Upper bound on firings in one run, so a rule set that derives without end stops with an error.</summary>
    public int MaxFirings { get; init; } = 1_000_000;

    /// <summary>Number of facts held in working memory.</summary>
    public int FactCount => _memory.FactCount;

    /// <summary>Facts given to <see cref="Advance"/> behind the clock (they were still matched against what is remembered).</summary>
    public int LateFacts => _scheduler.LateFacts;

    /// <summary>Facts in working memory of a type (input facts that some pattern can use, and derived facts).</summary>
    public IEnumerable<Fact> Facts(FactSchema schema) => _memory.Facts(schema);

    /// <summary>
    /// Adds a fact and matches it at once; the activations it completes go on the agenda and fire at the next
    /// <see cref="Run"/>. A fact no pattern of the rule set can use is not kept in working memory.
    /// </summary>
    /// <exception cref="InvalidOperationException">The fact was inserted before (into this or another session).</exception>
    public void Insert(Fact fact)
    {
        if (fact.Id != 0)
        {
            throw new InvalidOperationException("the fact is already in a session");
        }

        _memory.Stamp(fact);
        fact.Live = true;
        var kept = fact.DerivedBy is not null;
        if (_network.AlphaRoots.TryGetValue(fact.Schema, out var root))
        {
            kept |= root.Propagate(fact, _memory.AlphaRow, _onInsert);
        }

        // A fact no pattern can use is not kept: it can never take part in a match.
        if (kept)
        {
            _memory.Hold(fact);
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

    /// <summary>
    /// Streaming: the facts inserted from now on come in time order and none will be older than
    /// <paramref name="clock"/>. Matches whose window has closed fire (in agenda order) and facts that no rule
    /// can still use are forgotten, so memory stays bounded by the rules' windows. The first call turns
    /// streaming on: from then on a match waits until its window closes before it can fire, so a
    /// <c>not</c> over a later fact is not decided too early. <see cref="Run"/> fires whatever is left.
    /// </summary>
    public void Advance(DateTime clock) => _scheduler.Advance(clock, _runAgenda);

    /// <summary>Fires everything that can fire, including (when streaming) matches whose window is still open: the input has ended.</summary>
    public void Run()
    {
        _scheduler.Ending = true;
        try
        {
            _scheduler.FlushWaiting();
            RunAgenda();
        }
        finally
        {
            _scheduler.Ending = false;
        }
    }

    /// <summary>
    /// Explains how far a rule's matches got and which pattern stopped them. The counts are of what working
    /// memory holds now: after a streaming run, facts outside every window have been forgotten.
    /// </summary>
    public WhyNotReport WhyNot(string ruleId) => WhyNotAnalysis.Explain(_network, _memory, _agenda, _actions.Counts, ruleId);

    Activation IActivationSink.Activate(TerminalNode node, Token token)
    {
        var activation = new Activation(node.Rule, token.Facts, node.Order, ++_sequence);
        _scheduler.Schedule(activation);
        return activation;
    }

    void IActivationSink.Deactivate(Activation activation)
    {
        if (activation.State == ActivationState.Pending)
        {
            activation.State = ActivationState.Withdrawn;
            return;
        }

        // A rule whose own action removes its match (the "not yet derived" guard) keeps what it did,
        // and a window that expires old facts is not a retraction.
        if (activation.State == ActivationState.Fired && activation != _actions.Firing && !_scheduler.Expiring)
        {
            _actions.Withdraw(activation);
        }
    }

    private void RunAgenda()
    {
        while (_agenda.Next() is { } activation)
        {
            if (_actions.Firings.Count >= MaxFirings)
            {
                throw new InvalidOperationException($"more than {MaxFirings} rule firings: the rules derive facts without end (last: {activation.Rule.Id})");
            }

            _actions.Fire(activation);
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
                token.Remove(_memory, this);
            }
        }

        if (_network.AlphaRoots.TryGetValue(fact.Schema, out var root))
        {
            root.Propagate(fact, _memory.AlphaRow, _onRetract);
        }

        _memory.Release(fact);
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
            while (_actions.Withdrawn.TryDequeue(out var fact))
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
}
