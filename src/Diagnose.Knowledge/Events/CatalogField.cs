using Diagnose.Rules.Facts;

namespace Diagnose.Knowledge.Events;

/// <summary>
/// One field of the fact an event becomes: its name and type in the fact schema, and where its value
/// comes from (an insertion string found by <see cref="Index"/> and <see cref="Find"/>, a constant, or a derivation).
/// </summary>
public sealed record CatalogField(string Name, FieldType Type, FieldSourceKind Kind)
{
    /// <summary>Insertion-string index (the <c>{n}</c> placeholder of the message); where a <see cref="Find"/> search starts.</summary>
    public int Index { get; init; }

    public ValueSelector Find { get; init; } = ValueSelector.AtIndex;

    /// <summary>Characters trimmed from the end of the value (a key that ends a sentence keeps its full stop in some exports).</summary>
    public string? TrimEnd { get; init; }

    /// <summary>When true, an event without this value gives no fact.</summary>
    public bool Required { get; init; }

    /// <summary>The constant of a <see cref="FieldSourceKind.Constant"/> field.</summary>
    public object? Value { get; init; }

    public FieldDerivation Derivation { get; init; }

    /// <summary>The field a derived field is computed from.</summary>
    public string? From { get; init; }

    /// <summary>The lookup table of a <see cref="FieldDerivation.VersionMap"/> field: <c>major.minor</c> → value.</summary>
    public IReadOnlyDictionary<string, string>? Map { get; init; }
}
