using System.Globalization;
using Diagnose.Core.Records;
using Diagnose.Knowledge.Events;

namespace Diagnose.Normalise;

/// <summary>
/// The values of one record for its catalog entry: its insertion strings, or, only when the export carried
/// none (CSV, pasted text), the placeholders read back from its English message with the entry's template.
/// </summary>
internal sealed class InsertionData
{
    private readonly IReadOnlyList<string?> _values;
    private readonly IReadOnlyList<string?>? _message;

    public InsertionData(EventRecord record, CatalogEvent entry)
    {
        _values = record.Data.Select(d => d.Value).ToArray();
        if (_values.Count == 0 && record.Message is { } message)
        {
            _message = entry.ParseMessage(message);
        }
    }

    /// <summary>True when neither insertion strings nor a recognised message are available.</summary>
    public bool Empty => _values.Count == 0 && _message is null;

    /// <summary>The text of an insertion-string field: at its index, or found from there by its selector.</summary>
    public string? Text(CatalogField field)
    {
        var text = _values.Count > 0 ? Select(field, _values) : _message is { } parsed ? Select(field, parsed) : null;
        if (text is not null && field.TrimEnd is { } trim)
        {
            text = text.TrimEnd(trim.ToCharArray());
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>The selector applies alike to insertion strings and to placeholders read back from a message.</summary>
    private static string? Select(CatalogField field, IReadOnlyList<string?> values)
    {
        var candidates = values.Skip(field.Index).Select(Clean).OfType<string>();
        return field.Find switch
        {
            ValueSelector.FirstInteger => candidates.FirstOrDefault(v => Integer(v) is not null),
            ValueSelector.LastNegativeInteger => candidates.LastOrDefault(v => Integer(v) is < 0),
            ValueSelector.FirstPath => candidates.FirstOrDefault(IsPath),
            _ => field.Index < values.Count ? Clean(values[field.Index]) : null,
        };
    }

    /// <summary>A backslash, or a drive letter and colon: not a display name that merely ends in a colon ("SUS20ClientDataStore: ").</summary>
    private static bool IsPath(string value) =>
        value.Contains('\\', StringComparison.Ordinal) || (value.Length >= 2 && char.IsAsciiLetter(value[0]) && value[1] == ':');

    public static long? Integer(string? text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim().Trim('\'', '"').Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
