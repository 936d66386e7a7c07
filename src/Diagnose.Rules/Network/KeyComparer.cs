namespace Diagnose.Rules.Network;

/// <summary>
/// Hash-index keys with the expression language's equality: strings ignore case, an integral double
/// equals the same long. A null key finds other null keys, but the join's full test then rejects the pair
/// (a comparison with an unknown value is false). Composite keys compare part by part.
/// </summary>
internal sealed class KeyComparer : IEqualityComparer<object>
{
    public static readonly KeyComparer Instance = new();

    /// <summary>Stands for a null value in an index.</summary>
    public static readonly object Null = new();

    /// <summary>Brings a value into the form the comparer hashes.</summary>
    public static object Normalize(object? value) => value switch
    {
        null => Null,
        double d when Math.Floor(d) == d && d >= long.MinValue && d <= long.MaxValue => (long)d,
        _ => value,
    };

    public new bool Equals(object? x, object? y) => (x, y) switch
    {
        (string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase),
        (object[] a, object[] b) => a.Length == b.Length && a.Zip(b).All(p => Equals(p.First, p.Second)),
        _ => object.Equals(x, y),
    };

    public int GetHashCode(object obj) => obj switch
    {
        string s => StringComparer.OrdinalIgnoreCase.GetHashCode(s),
        object[] parts => parts.Aggregate(17, (h, p) => (h * 31) + GetHashCode(p)),
        _ => obj.GetHashCode(),
    };
}
