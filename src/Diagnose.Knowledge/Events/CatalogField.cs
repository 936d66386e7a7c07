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

    /// <summary>How the insertion string is found from <see cref="Index"/> when its position varies between Windows versions; by default the one at the index.</summary>
    public ValueSelector Find { get; init; } = ValueSelector.AtIndex;

    /// <summary>Characters trimmed from the end of the value (a key that ends a sentence keeps its full stop in some exports).</summary>
    public string? TrimEnd { get; init; }

    /// <summary>When true, an event without this value gives no fact.</summary>
    public bool Required { get; init; }

    /// <summary>The constant of a <see cref="FieldSourceKind.Constant"/> field.</summary>
    public object? Value { get; init; }

    /// <summary>How a <see cref="FieldSourceKind.Derived"/> field is computed from <see cref="From"/>; ignored for other kinds.</summary>
    public FieldDerivation Derivation { get; init; }

    /// <summary>The field a derived field is computed from.</summary>
    public string? From { get; init; }

    /// <summary>
    /// The value of an insertion-string field among a record's insertion strings: the one at <see cref="Index"/>, or the
    /// first (last) from there that <see cref="Find"/> selects; quotes and spaces trimmed, then <see cref="TrimEnd"/>; null when absent.
    /// </summary>
    public string? Select(IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var candidates = values.Skip(Index).Select(Clean).OfType<string>();
        var text = Find switch
        {
            ValueSelector.FirstInteger => candidates.FirstOrDefault(v => Integer(v) is not null),
            ValueSelector.LastNegativeInteger => candidates.LastOrDefault(v => Integer(v) is < 0),
            ValueSelector.FirstPath => candidates.FirstOrDefault(IsPath),
            _ => Index < values.Count ? Clean(values[Index]) : null,
        };
        if (text is not null && TrimEnd is { } trim)
        {
            text = text.TrimEnd(trim.ToCharArray());
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>The text as a whole number, or null.</summary>
    public static long? Integer(string? text) =>
        long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>An insertion string without the quotes and spaces some exports add; null when nothing is left.</summary>
    public static string? Clean(string? value)
    {
        var trimmed = value?.Trim().Trim('\'', '"').Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>A backslash, or a drive letter and colon: not a display name that merely ends in a colon ("SUS20ClientDataStore: ").</summary>
    private static bool IsPath(string value) =>
        value.Contains('\\', StringComparison.Ordinal) || (value.Length >= 2 && char.IsAsciiLetter(value[0]) && value[1] == ':');

    /// <summary>The lookup table of a <see cref="FieldDerivation.VersionMap"/> field: <c>major.minor</c> → value.</summary>
    public IReadOnlyDictionary<string, string>? Map { get; init; }
}
