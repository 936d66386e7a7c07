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
    public string? Text(CatalogField field) =>
        _values.Count > 0 ? field.Select(_values) : _message is { } parsed ? field.Select(parsed) : null;
}
