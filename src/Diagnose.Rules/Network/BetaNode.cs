using Diagnose.Rules.Engine;
using Diagnose.Rules.Expressions;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Network;

/// <summary>
/// A node of one rule's beta chain, for one pattern. Left: the partial matches of the patterns before
/// it, hashed on the left side of the pattern's equality joins. Right: the facts of its alpha memory,
/// hashed on the right side and, when the pattern bounds a field by a range (<c>b.time &gt;= a.time</c>,
/// <c>b.time &lt;= a.time + 10m</c>), kept sorted on that field so a window is found by binary search.
/// The full join condition is still tested on each candidate, so the indexes only narrow the search.
/// </summary>
internal abstract class BetaNode : IRightInput
{
    private readonly Dictionary<object, List<Token>> _left = new(KeyComparer.Instance);
    private readonly Dictionary<object, List<Fact>> _right = new(KeyComparer.Instance);
    private readonly Fact?[] _scratch;

    protected BetaNode(RuleSession session, Rule rule, Pattern? pattern, JoinSpec join)
    {
        Session = session;
        Rule = rule;
        Pattern = pattern;
        Join = join;
        _scratch = new Fact?[rule.Slots];
    }

    public RuleSession Session { get; }

    public Rule Rule { get; }

    /// <summary>The pattern this node matches (null for the terminal node).</summary>
    public Pattern? Pattern { get; }

    public JoinSpec Join { get; }

    public BetaNode? Next { get; set; }

    public AlphaMemory? Alpha { get; set; }

    /// <summary>How many partial matches reach this node, for "why not" reports.</summary>
    public int LeftCount { get; private set; }

    public IEnumerable<Token> LeftTokens => _left.Values.SelectMany(b => b);

    public abstract void LeftActivate(Token token);

    public virtual void LeftRetract(Token token) => RemoveLeft(token);

    public abstract void RightActivate(Fact fact);

    public abstract void RightRetract(Fact fact);

    public virtual void RightExpire(Fact fact) => RemoveRight(fact);

    protected void StoreLeft(Token token)
    {
        token.Node = this;
        token.Key = Key(Join.LeftKeys, token.Facts);
        if (!_left.TryGetValue(token.Key, out var bucket))
        {
            _left[token.Key] = bucket = [];
        }

        bucket.Add(token);
        LeftCount++;
    }

    protected void RemoveLeft(Token token)
    {
        if (token.Key is not null && _left.TryGetValue(token.Key, out var bucket) && bucket.Remove(token))
        {
            LeftCount--;
            if (bucket.Count == 0)
            {
                _left.Remove(token.Key);
            }
        }
    }

    protected void StoreRight(Fact fact)
    {
        var key = RightKey(fact, out var rangeValue);
        if (Join.RangeField >= 0 && rangeValue is null)
        {
            return; // a missing value is never inside a range: this fact cannot match here
        }

        if (!_right.TryGetValue(key, out var bucket))
        {
            _right[key] = bucket = [];
        }

        if (Join.RangeField < 0 || bucket.Count == 0 || Compiler.Compare(rangeValue!, bucket[^1].Values[Join.RangeField]) >= 0)
        {
            bucket.Add(fact); // facts that stream in time order are appended
        }
        else
        {
            bucket.Insert(LowerBound(bucket, rangeValue!), fact);
        }
    }

    protected void RemoveRight(Fact fact)
    {
        var key = RightKey(fact, out _);
        if (_right.TryGetValue(key, out var bucket) && bucket.Remove(fact) && bucket.Count == 0)
        {
            _right.Remove(key);
        }
    }

    /// <summary>Right facts that may join the token: its hash bucket, narrowed to the range when there is one.</summary>
    protected IEnumerable<Fact> RightCandidates(Token token)
    {
        if (!_right.TryGetValue(Key(Join.LeftKeys, token.Facts), out var bucket))
        {
            return [];
        }

        if (Join.RangeField < 0)
        {
            return bucket;
        }

        var low = Join.Lower?.Invoke(token.Facts);
        var high = Join.Upper?.Invoke(token.Facts);
        if ((Join.Lower is not null && low is null) || (Join.Upper is not null && high is null))
        {
            return [];
        }

        return Range(bucket, low, high);
    }

    private IEnumerable<Fact> Range(List<Fact> bucket, object? low, object? high)
    {
        for (var i = low is null ? 0 : LowerBound(bucket, low); i < bucket.Count; i++)
        {
            if (high is not null && Compiler.Compare(bucket[i].Values[Join.RangeField]!, high) > 0)
            {
                yield break;
            }

            yield return bucket[i];
        }
    }

    private int LowerBound(List<Fact> bucket, object value)
    {
        int lo = 0, hi = bucket.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Compiler.Compare(bucket[mid].Values[Join.RangeField]!, value) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Left tokens that may join the fact: its hash bucket (a snapshot, so matches may change the memory).</summary>
    protected List<Token> LeftCandidates(Fact fact) =>
        _left.TryGetValue(RightKey(fact, out _), out var bucket) ? [.. bucket] : [];

    /// <summary>The join test on a token and a right fact.</summary>
    protected bool Matches(Token token, Fact fact)
    {
        if (Join.Test is null)
        {
            return true;
        }

        var slot = Pattern!.Slot;
        token.Facts[slot] = fact;
        try
        {
            return Join.Test(token.Facts);
        }
        finally
        {
            token.Facts[slot] = null;
        }
    }

    /// <summary>Passes a new partial match on to the next node.</summary>
    protected void Emit(Token parent, Fact? joined, int slot, Fact? bound)
    {
        var child = parent.Extend(slot, joined, bound);
        Next!.LeftActivate(child);
    }

    protected static void RemoveChildren(Token token)
    {
        if (token.Children is { } children)
        {
            foreach (var child in children.ToArray())
            {
                child.Remove();
            }
        }
    }

    private object RightKey(Fact fact, out object? rangeValue)
    {
        rangeValue = Join.RangeField >= 0 ? fact.Values[Join.RangeField] : null;
        if (Join.RightKeys.Count == 0)
        {
            return KeyComparer.Null;
        }

        _scratch[Pattern!.Slot] = fact;
        var key = Key(Join.RightKeys, _scratch);
        _scratch[Pattern.Slot] = null;
        return key;
    }

    private static object Key(IReadOnlyList<Func<Fact?[], object?>> parts, Fact?[] facts)
    {
        if (parts.Count == 0)
        {
            return KeyComparer.Null;
        }

        if (parts.Count == 1)
        {
            return KeyComparer.Normalize(parts[0](facts));
        }

        var key = new object[parts.Count];
        for (var i = 0; i < key.Length; i++)
        {
            key[i] = KeyComparer.Normalize(parts[i](facts));
        }

        return key;
    }
}
