using Diagnose.Rules.Facts;
using Diagnose.Rules.Loading;
using Newtonsoft.Json.Linq;

namespace Diagnose.Knowledge.Events;

/// <summary>
/// Reads one catalog file: <c>{"events": [{"name", "provider", "aliases", "eventId", "level", "channel",
/// "qualifiers", "message", "fact", "mustBeExplained", "fields", "clock", "source"}]}</c>, checking each entry's
/// fields against the fact schemas and its message template.
/// </summary>
internal sealed class CatalogFileReader
{
    private static readonly string[] EntryKeys = ["name", "provider", "aliases", "eventId", "level", "channel", "qualifiers", "message", "fact", "mustBeExplained", "fields", "clock", "source"];

    private readonly string _file;
    private readonly FactSchemaSet _schemas;
    private readonly List<RuleProblem> _problems;

    public CatalogFileReader(string file, FactSchemaSet schemas, List<RuleProblem> problems) =>
        (_file, _schemas, _problems) = (file, schemas, problems);

    public IEnumerable<(CatalogEvent Entry, int Line, int Column)> Read()
    {
        if (JsonPositions.LoadFile(_file, _problems) is not { } root)
        {
            yield break;
        }

        foreach (var property in root.Properties().Where(p => p.Name != "events"))
        {
            Problem(property, $"unknown key '{property.Name}' in an event catalog: expected events");
        }

        if (root["events"] is not JArray events)
        {
            Problem(root, "an event catalog needs an 'events' array");
            yield break;
        }

        foreach (var item in events)
        {
            if (item is not JObject entry)
            {
                Problem(item, "each entry of 'events' must be an object");
                continue;
            }

            var before = _problems.Count;
            var read = Entry(entry);
            if (read is not null && _problems.Count == before)
            {
                var (line, column) = JsonPositions.Of(entry);
                yield return (read, line, column);
            }
        }
    }

    private CatalogEvent? Entry(JObject entry)
    {
        foreach (var property in entry.Properties().Where(p => !EntryKeys.Contains(p.Name)))
        {
            Problem(property, $"unknown key '{property.Name}' in a catalogued event: expected {string.Join(", ", EntryKeys)}");
        }

        var name = Text(entry, "name");
        var provider = Text(entry, "provider");
        var channel = Text(entry, "channel");
        var source = Text(entry, "source");
        var messageText = Text(entry, "message");
        var eventId = Integer(entry, "eventId", required: true);
        var qualifiers = Integer(entry, "qualifiers", required: false) ?? 0;
        var level = Level(entry);
        var aliases = Aliases(entry);
        var mustBeExplained = entry["mustBeExplained"] switch
        {
            null => false,
            { Type: JTokenType.Boolean } b => (bool)b,
            var other => Problem(other, "'mustBeExplained' must be true or false", false),
        };

        MessageTemplate? message = null;
        if (messageText is not null && !MessageTemplate.TryParse(messageText, out message, out var error, out var offset))
        {
            var (line, column) = JsonPositions.InString(entry["message"]!, offset);
            _problems.Add(new RuleProblem(_file, line, column, $"message template: {error}"));
        }

        var factType = entry["fact"] is { } factToken ? Text(entry, "fact") : null;
        var schema = factType is null ? null : Schema(entry["fact"]!, factType);
        var fields = new List<CatalogField>();
        if (entry["fields"] is { } fieldsToken)
        {
            if (factType is null)
            {
                Problem(fieldsToken, "'fields' needs a 'fact' type to fill");
            }
            else if (fieldsToken is not JObject fieldObject)
            {
                Problem(fieldsToken, "'fields' must be an object of field name → {index|value|derive, type}");
            }
            else if (schema is not null)
            {
                var reader = new CatalogFieldReader(_file, schema, message, _problems);
                fields.AddRange(fieldObject.Properties().Select(reader.Read).OfType<CatalogField>());
                reader.CheckDerivations(fieldObject, fields);
            }
        }
        else if (factType is not null)
        {
            Problem(entry["fact"]!, $"fact '{factType}' needs 'fields': which insertion string fills each field");
        }

        if (mustBeExplained && factType is null)
        {
            Problem(entry["mustBeExplained"]!, "'mustBeExplained' needs a 'fact': only events that become facts can be explained");
        }

        ClockMarker? clock = null;
        if (entry["clock"] is { } clockToken)
        {
            clock = schema is null
                ? Problem<ClockMarker?>(clockToken, "'clock' needs a 'fact' type: the marker's peer and key are fact fields", null)
                : new ClockMarkerReader(_file, schema, _problems).Read(clockToken);
        }

        if (name is null || provider is null || channel is null || source is null || message is null || eventId is null || level is null)
        {
            return null;
        }

        return new CatalogEvent(name, provider, aliases, (int)eventId, level.Value, channel, (int)qualifiers, message, factType, mustBeExplained, fields, source, _file)
        {
            Clock = clock,
        };
    }

    private FactSchema? Schema(JToken at, string factType)
    {
        var schema = _schemas.Find(factType);
        if (schema is null)
        {
            return Problem<FactSchema?>(at, $"unknown fact type '{factType}'", null);
        }

        if (schema.Derived)
        {
            return Problem<FactSchema?>(at, $"fact type '{factType}' is derived by rules; an event can only become an input fact", null);
        }

        foreach (var (field, type) in new[] { ("node", FieldType.String), ("time", FieldType.Time) })
        {
            if (schema.Field(field)?.Type != type)
            {
                return Problem<FactSchema?>(at, $"fact type '{factType}' needs a '{field}' field of type {FieldTypes.Name(type)}: the normaliser sets it from the record", null);
            }
        }

        return schema;
    }

    private string? Text(JObject entry, string key)
    {
        var token = entry[key];
        if (token is null)
        {
            return Problem<string?>(entry, $"a catalogued event needs '{key}'", null);
        }

        return token.Type == JTokenType.String && !string.IsNullOrWhiteSpace((string?)token)
            ? (string)token!
            : Problem<string?>(token, $"'{key}' must be a non-empty string", null);
    }

    private long? Integer(JObject entry, string key, bool required)
    {
        var token = entry[key];
        if (token is null)
        {
            return required ? Problem<long?>(entry, $"a catalogued event needs '{key}'", null) : null;
        }

        return token.Type == JTokenType.Integer && (long)token is >= 0 and <= 0xFFFF
            ? (long)token
            : Problem<long?>(token, $"'{key}' must be an integer from 0 to 65535", null);
    }

    private int? Level(JObject entry)
    {
        var token = entry["level"];
        if (token is null)
        {
            return Problem<int?>(entry, "a catalogued event needs 'level'", null);
        }

        return token.Type == JTokenType.String && EventLevels.ByName.TryGetValue((string)token!, out var level)
            ? level
            : Problem<int?>(token, $"'level' must be one of {string.Join(", ", EventLevels.ByName.Keys)}", null);
    }

    private List<string> Aliases(JObject entry)
    {
        var aliases = new List<string>();
        if (entry["aliases"] is not { } token)
        {
            return aliases;
        }

        if (token is not JArray array || array.Any(a => a.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)a)))
        {
            Problem(token, "'aliases' must be an array of provider names");
            return aliases;
        }

        aliases.AddRange(array.Select(a => (string)a!));
        return aliases;
    }

    private void Problem(JToken at, string message) => Problem<object?>(at, message, null);

    private T Problem<T>(JToken at, string message, T result)
    {
        var (line, column) = JsonPositions.Of(at);
        _problems.Add(new RuleProblem(_file, line, column, message));
        return result;
    }
}
