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
        if (_values.Count > 0)
        {
            return field.Select(_values);
        }

        var text = _message is { } parsed && field.Index < parsed.Count ? CatalogField.Clean(parsed[field.Index]) : null;
        if (text is not null && field.TrimEnd is { } trim)
        {
            text = text.TrimEnd(trim.ToCharArray());
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    public static long? Integer(string? text) => CatalogField.Integer(text);
}
