using Compiler = Diagnose.Rules.Expressions.Compiler;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Network;

namespace Diagnose.Rules.Memory;

/// <summary>
/// One session's memory of one beta node. Left: the partial matches of the patterns before the node,
/// hashed on the left side of the pattern's equality joins. Right: the facts of its alpha memory, hashed
/// on the right side and, when the pattern bounds a field by a range (<c>b.time &gt;= a.time</c>,
/// <c>b.time &lt;= a.time + 10m</c>), kept sorted on that field so a window is found by binary search.
/// The indexes only narrow the search: the node still tests the full join condition on each candidate.
/// </summary>
internal sealed class BetaMemory
{
    private readonly Dictionary<object, List<Token>> _left = new(KeyComparer.Instance);
    private readonly Dictionary<object, List<Fact>> _right = new(KeyComparer.Instance);
    private readonly JoinSpec _join;
    private readonly int _slot;
    private readonly Fact?[] _scratch;

    public BetaMemory(JoinSpec join, int slot, int slots)
    {
        _join = join;
        _slot = slot;
        _scratch = new Fact?[slots];
    }

    /// <summary>How many partial matches reach the node, for "why not" reports.</summary>
    public int LeftCount { get; private set; }

    public IEnumerable<Token> LeftTokens => _left.Values.SelectMany(b => b);

    public void StoreLeft(Token token)
    {
        token.Key = Key(_join.LeftKeys, token.Facts);
        if (!_left.TryGetValue(token.Key, out var bucket))
        {
            _left[token.Key] = bucket = [];
        }

        bucket.Add(token);
        LeftCount++;
    }

    public void RemoveLeft(Token token)
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

    public void StoreRight(Fact fact)
    {
        var key = RightKey(fact, out var rangeValue);
        if (_join.RangeField >= 0 && rangeValue is null)
        {
            return; // a missing value is never inside a range: this fact cannot match here
        }

        if (!_right.TryGetValue(key, out var bucket))
        {
            _right[key] = bucket = [];
        }

        if (_join.RangeField < 0 || bucket.Count == 0 || Compiler.Compare(rangeValue!, bucket[^1].Values[_join.RangeField]) >= 0)
        {
            bucket.Add(fact); // facts that stream in time order are appended
        }
        else
        {
            bucket.Insert(LowerBound(bucket, rangeValue!), fact);
        }
    }

    public void RemoveRight(Fact fact)
    {
        var key = RightKey(fact, out _);
        if (_right.TryGetValue(key, out var bucket) && bucket.Remove(fact) && bucket.Count == 0)
        {
            _right.Remove(key);
        }
    }

    /// <summary>Right facts that may join the token: its hash bucket, narrowed to the range when there is one.</summary>
    public IEnumerable<Fact> RightCandidates(Token token)
    {
        if (!_right.TryGetValue(Key(_join.LeftKeys, token.Facts), out var bucket))
        {
            return [];
        }

        if (_join.RangeField < 0)
        {
            return bucket;
        }

        var low = _join.Lower?.Invoke(token.Facts);
        var high = _join.Upper?.Invoke(token.Facts);
        if ((_join.Lower is not null && low is null) || (_join.Upper is not null && high is null))
        {
            return [];
        }

        return Range(bucket, low, high);
    }

    /// <summary>Left tokens that may join the fact: its hash bucket (a snapshot, so matches may change the memory).</summary>
    public List<Token> LeftCandidates(Fact fact) =>
        _left.TryGetValue(RightKey(fact, out _), out var bucket) ? [.. bucket] : [];

    private IEnumerable<Fact> Range(List<Fact> bucket, object? low, object? high)
    {
        for (var i = low is null ? 0 : LowerBound(bucket, low); i < bucket.Count; i++)
        {
            if (high is not null && Compiler.Compare(bucket[i].Values[_join.RangeField]!, high) > 0)
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
            if (Compiler.Compare(bucket[mid].Values[_join.RangeField]!, value) < 0)
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

    private object RightKey(Fact fact, out object? rangeValue)
    {
        rangeValue = _join.RangeField >= 0 ? fact.Values[_join.RangeField] : null;
        if (_join.RightKeys.Count == 0)
        {
            return KeyComparer.Null;
        }

        // The scratch row is this session's own, so sessions on one network never share it.
        _scratch[_slot] = fact;
        var key = Key(_join.RightKeys, _scratch);
        _scratch[_slot] = null;
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
