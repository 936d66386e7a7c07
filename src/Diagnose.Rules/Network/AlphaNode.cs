using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Network;

/// <summary>
/// One test on a single fact. Children testing <c>field == constant</c> are found by hashing the
/// fact's field value, so a fact meets only the nodes its values can pass; other children are tested
/// one by one. A node at the end of a pattern's chain owns the alpha memory node. Built once and never
/// changed afterwards, so sessions on other threads may walk it at the same time.
/// </summary>
internal sealed class AlphaNode
{
    private readonly Dictionary<int, Dictionary<object, AlphaNode>> _hashed = [];
    private readonly List<AlphaNode> _tested = [];
    private readonly Dictionary<string, AlphaNode> _byKey = new(StringComparer.Ordinal);

    public AlphaNode(string key, Func<Fact?[], bool>? test)
    {
        Key = key;
        Test = test;
    }

    public string Key { get; }

    public Func<Fact?[], bool>? Test { get; }

    public AlphaMemoryNode? Memory { get; set; }

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

    /// <summary>
    /// Sends the fact down every chain it passes; <paramref name="action"/> is applied to each memory node reached.
    /// <paramref name="row"/> is the caller's one-slot row for the tests. True when a memory node was reached.
    /// </summary>
    public bool Propagate(Fact fact, Fact?[] row, Action<AlphaMemoryNode, Fact> action)
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
                reached |= child.Propagate(fact, row, action);
            }
        }

        if (_tested.Count > 0)
        {
            foreach (var child in _tested)
            {
                row[0] = fact;
                if (child.Test!(row))
                {
                    reached |= child.Propagate(fact, row, action);
                }
            }

            row[0] = null;
        }

        return reached;
    }
}
