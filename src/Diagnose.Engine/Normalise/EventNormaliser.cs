using Diagnose.Core.Records;
using Diagnose.Knowledge.Events;
using Diagnose.Knowledge.Resources;
using Diagnose.Rules.Facts;

namespace Diagnose.Normalise;

/// <summary>
/// Turns records into facts: every record into a generic <c>Event</c> fact, and each event the catalog
/// maps to a fact type into that fact, its fields read from the insertion strings as the catalog says.
/// Providers match case-insensitively (aliases too); event IDs have their qualifier bits masked.
/// </summary>
internal sealed class EventNormaliser
{
    private readonly FactSchemaSet _schemas;
    private readonly EventCatalog _catalog;
    private readonly FieldDerivations _derivations;

    public EventNormaliser(FactSchemaSet schemas, EventCatalog catalog, ResourceTable resources)
    {
        _schemas = schemas;
        _catalog = catalog;
        _derivations = new FieldDerivations(resources);
    }

    /// <summary>Tells the normaliser which service a resource runs (from a cluster snapshot); overrides the resource tables.</summary>
    public void MapResource(string resource, string service) => _derivations.MapResource(resource, service);

    public Fact GenericFact(EventRecord record)
    {
        var node = NodeNames.Normalise(record.Computer);
        return Fact.Create(_schemas.Get("Event"), new Dictionary<string, object?>
        {
            ["provider"] = record.Provider,
            ["eventId"] = (long)record.EventId,
            ["qualifiers"] = (long)record.Qualifiers,
            ["level"] = (long)record.Level,
            ["node"] = node,
            ["time"] = record.TimeUtc,
            ["channel"] = record.Channel,
            ["data"] = record.Data.Count == 0 ? null : string.Join(" | ", record.Data.Select(d => d.Value)),
            ["message"] = record.Message,
        }, new EventOrigin(record, node));
    }

    /// <summary>The catalog entry of a record that becomes a typed fact, or null.</summary>
    public CatalogEvent? TypedEntry(EventRecord record) => _catalog.Find(record.Provider, record.EventId) is { FactType: not null } entry ? entry : null;

    /// <summary>
    /// The typed fact for a catalogued event, or null for any other event or one whose values cannot be read.
    /// <paramref name="clockCorrection"/> is subtracted from the record's time (its node's estimated clock skew).
    /// </summary>
    public Fact? TypedFact(EventRecord record, TimeSpan clockCorrection = default)
    {
        if (TypedEntry(record) is not { } entry)
        {
            return null;
        }

        // An event whose facts read no insertion string (one that has none, such as a node forming the cluster)
        // is a fact by its provider and ID alone; otherwise it needs its strings or a message to read them from.
        var data = new InsertionData(record, entry);
        if (data.Empty && entry.Fields.Any(f => f.Kind == FieldSourceKind.InsertionString))
        {
            return null;
        }

        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in entry.Fields.Where(f => f.Kind != FieldSourceKind.Derived))
        {
            fields[field.Name] = field.Kind == FieldSourceKind.Constant ? field.Value : Convert(data.Text(field), field.Type);
        }

        foreach (var field in entry.Fields.Where(f => f.Kind == FieldSourceKind.Derived))
        {
            fields[field.Name] = _derivations.Derive(field, fields.GetValueOrDefault(field.From!) as string);
        }

        if (entry.Fields.Any(f => f.Required && fields[f.Name] is null))
        {
            return null;
        }

        var node = NodeNames.Normalise(record.Computer);
        fields["node"] = node;
        fields["time"] = record.TimeUtc - clockCorrection;
        return Fact.Create(_schemas.Get(entry.FactType!), fields, new EventOrigin(record, node));
    }

    // A value that does not read as its type is missing, as a mistyped insertion string would be.
    private static object? Convert(string? text, FieldType type) =>
        type == FieldType.Integer ? CatalogField.Integer(text) : FieldTypes.TryCoerce(text, type, out var value) ? value : null;
}
