using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Network;

/// <summary>
/// One test on a single fact. Children testing <c>field == constant</c> are found by hashing the
/// fact's field value, so a fact meets only the nodes its values can pass; other children are tested
/// one by one. A node at the end of a pattern's chain owns the alpha memory.
/// </summary>
internal sealed class AlphaNode
{
    private readonly Dictionary<int, Dictionary<object, AlphaNode>> _hashed = [];
    private readonly List<AlphaNode> _tested = [];
    private readonly Dictionary<string, AlphaNode> _byKey = new(StringComparer.Ordinal);
    private readonly Fact?[] _scratch = new Fact?[1];

    public AlphaNode(string key, Func<Fact?[], bool>? test)
    {
        Key = key;
        Test = test;
    }

    public string Key { get; }

    public Func<Fact?[], bool>? Test { get; }

    public AlphaMemory? Memory { get; set; }

    /// <summary>The child for <c>field == value</c>, shared when it exists.</summary>
    public AlphaNode HashedChild(int field, object value, string key)
    {
        if (!_hashed.TryGetValue(field, out var children))
        {
            _hashed[field] = children = new Dictionary<object, AlphaNode>(KeyComparer.Instance);
        }

        var normal = KeyComparer.Normalize(value);
        if (!children.TryGetValue(normal, out var child))
        {
            children[normal] = child = new AlphaNode(key, null);
        }

        return child;
    }

    /// <summary>The child for a general test, shared by its canonical text.</summary>
    public AlphaNode TestedChild(string key, Func<Fact?[], bool> test)
    {
        if (!_byKey.TryGetValue(key, out var child))
        {
            _byKey[key] = child = new AlphaNode(key, test);
            _tested.Add(child);
        }

        return child;
    }

    /// <summary>Sends the fact down every chain it passes; <paramref name="action"/> is applied to each memory reached. True when one was.</summary>
    public bool Propagate(Fact fact, Action<AlphaMemory, Fact> action)
    {
        var reached = false;
        if (Memory is not null)
        {
            action(Memory, fact);
            reached = true;
        }

        foreach (var (field, children) in _hashed)
        {
            if (children.TryGetValue(KeyComparer.Normalize(fact.Values[field]), out var child))
            {
                reached |= child.Propagate(fact, action);
            }
        }

        if (_tested.Count > 0)
        {
            _scratch[0] = fact;
            foreach (var child in _tested)
            {
                if (child.Test!(_scratch))
                {
                    reached |= child.Propagate(fact, action);
                }
            }

            _scratch[0] = null;
        }

        return reached;
    }
}
