using Diagnose.Rules.Facts;
using Diagnose.Rules.Network;

namespace Diagnose.Rules.Memory;

/// <summary>
/// Everything one session remembers, apart from the shared network: the facts it holds, the derived facts
/// by their values, and each node's memory (created when the node first sees a fact, so a short session
/// costs only the nodes it reaches). Nodes find their memory here by their index.
/// </summary>
internal sealed class WorkingMemory
{
    private readonly AlphaMemory?[] _alpha;
    private readonly BetaMemory?[] _beta;
    private readonly Dictionary<FactSchema, HashSet<Fact>> _live = [];
    private long _nextId = 1;

    public WorkingMemory(ReteNetwork network)
    {
        _alpha = new AlphaMemory?[network.AlphaMemoryCount];
        _beta = new BetaMemory?[network.BetaNodeCount];
    }

    /// <summary>Derived facts by the identity of their values, so the same fact derived twice is one fact.</summary>
    public Dictionary<string, Fact> Derived { get; } = new(StringComparer.Ordinal);

    /// <summary>A one-slot row for alpha tests (they read only the fact itself).</summary>
    public Fact?[] AlphaRow { get; } = new Fact?[1];

    public int FactCount => _live.Values.Sum(s => s.Count);

    public AlphaMemory Alpha(AlphaMemoryNode node) => _alpha[node.Id] ??= new AlphaMemory();

    /// <summary>The memory of an alpha node, or null when no fact has reached it.</summary>
    public AlphaMemory? AlphaIfAny(AlphaMemoryNode node) => _alpha[node.Id];

    public BetaMemory Beta(BetaNode node) => _beta[node.Id] ??= new BetaMemory(node.Join, node.Pattern?.Slot ?? 0, node.Rule.Slots);

    /// <summary>Gives the fact its insertion number (recency).</summary>
    public void Stamp(Fact fact) => fact.Id = _nextId++;

    public IEnumerable<Fact> Facts(FactSchema schema) => _live.GetValueOrDefault(schema) ?? [];

    public void Hold(Fact fact)
    {
        if (!_live.TryGetValue(fact.Schema, out var set))
        {
            _live[fact.Schema] = set = [];
        }

        set.Add(fact);
    }

    /// <summary>Lets go of a fact (retracted, withdrawn or forgotten) and of its derived identity.</summary>
    public void Release(Fact fact)
    {
        _live.GetValueOrDefault(fact.Schema)?.Remove(fact);
        if (fact.DerivedKey is { } key)
        {
            Derived.Remove(key);
        }
    }
}
