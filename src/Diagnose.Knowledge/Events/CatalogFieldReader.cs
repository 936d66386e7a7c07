using Diagnose.Rules.Facts;
using Diagnose.Rules.Loading;
using Newtonsoft.Json.Linq;

namespace Diagnose.Knowledge.Events;

/// <summary>
/// Reads one field of a catalogued event (<c>{"index": 2, "type": "int", "find": "last-negative-integer"}</c>,
/// <c>{"value": "X", "type": "string"}</c> or <c>{"derive": "service-in-registry-key", "from": "registryKey", "type": "string"}</c>)
/// and checks it against the fact schema and the message template.
/// </summary>
internal sealed class CatalogFieldReader
{
    private static readonly string[] Keys = ["index", "value", "derive", "from", "type", "find", "required", "trimEnd", "map"];

    private static readonly Dictionary<string, ValueSelector> Selectors = new(StringComparer.Ordinal)
    {
        ["first-integer"] = ValueSelector.FirstInteger,
        ["last-negative-integer"] = ValueSelector.LastNegativeInteger,
        ["first-path"] = ValueSelector.FirstPath,
    };

    private static readonly Dictionary<string, FieldDerivation> Derivations = new(StringComparer.Ordinal)
    {
        ["service-of-resource"] = FieldDerivation.ServiceOfResource,
        ["service-in-registry-key"] = FieldDerivation.ServiceInRegistryKey,
        ["version-map"] = FieldDerivation.VersionMap,
        ["folder"] = FieldDerivation.Folder,
        ["service-of-display-name"] = FieldDerivation.ServiceOfDisplayName,
    };

    private static readonly System.Text.RegularExpressions.Regex VersionKey = new(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private readonly string _file;
    private readonly FactSchema _schema;
    private readonly MessageTemplate? _message;
    private readonly List<RuleProblem> _problems;

    public CatalogFieldReader(string file, FactSchema schema, MessageTemplate? message, List<RuleProblem> problems) =>
        (_file, _schema, _message, _problems) = (file, schema, message, problems);

    public CatalogField? Read(JProperty property)
    {
        var name = property.Name;
        var declared = _schema.Field(name);
        if (declared is null)
        {
            return Problem(property, $"fact type '{_schema.Name}' has no field '{name}'");
        }

        if (name is "node" or "time")
        {
            return Problem(property, $"'{name}' is set from the record (its computer and time), not from the catalog");
        }

        if (property.Value is not JObject field)
        {
            return Problem(property, $"field '{name}' must be an object: {{\"index\": n, \"type\": \"…\"}}, {{\"value\": …}} or {{\"derive\": …, \"from\": …}}");
        }

        foreach (var unknown in field.Properties().Where(p => !Keys.Contains(p.Name)))
        {
            Problem(unknown, $"unknown key '{unknown.Name}' in field '{name}': expected {string.Join(", ", Keys)}");
        }

        if (field["type"] is not { Type: JTokenType.String } typeToken || !FieldTypes.TryParse((string)typeToken!, out var type))
        {
            return Problem(field["type"] ?? field, $"field '{name}' needs a 'type': string, int, number, bool, time or duration");
        }

        if (type != declared.Type)
        {
            return Problem(typeToken, $"field '{name}' is {FieldTypes.Name(type)} here but {FieldTypes.Name(declared.Type)} in fact type '{_schema.Name}'");
        }

        var sources = new[] { "index", "value", "derive" }.Where(k => field[k] is not null).ToList();
        if (sources.Count != 1)
        {
            return Problem(field, $"field '{name}' needs exactly one of 'index' (an insertion string), 'value' (a constant) or 'derive'");
        }

        var required = field["required"] is { Type: JTokenType.Boolean } requiredToken && (bool)requiredToken;
        if (field["required"] is { Type: not JTokenType.Boolean } notBool)
        {
            return Problem(notBool, $"field '{name}': 'required' must be true or false");
        }

        return sources[0] switch
        {
            "index" => Insertion(name, type, field, required),
            "value" => Constant(name, type, field),
            _ => Derived(name, type, field),
        };
    }

    /// <summary>A derived field's <c>from</c> must name a field of the same event that is not derived itself.</summary>
    public void CheckDerivations(JObject fields, IReadOnlyList<CatalogField> read)
    {
        foreach (var field in read.Where(f => f.Kind == FieldSourceKind.Derived))
        {
            var from = read.FirstOrDefault(f => f.Name == field.From);
            if (from is null || from.Kind == FieldSourceKind.Derived)
            {
                Problem(fields[field.Name]!["from"]!, $"field '{field.Name}' derives from '{field.From}', which is not an insertion-string or constant field of this event");
            }
        }
    }

    private CatalogField? Insertion(string name, FieldType type, JObject field, bool required)
    {
        var indexToken = field["index"]!;
        if (indexToken.Type != JTokenType.Integer || (long)indexToken < 0)
        {
            return Problem(indexToken, $"field '{name}': 'index' must be a whole number from 0");
        }

        var index = (int)(long)indexToken;
        if (_message is not null && index >= _message.PlaceholderCount)
        {
            return Problem(indexToken, $"field '{name}': index {index} is beyond the message template, whose placeholders are {Placeholders(_message)}");
        }

        var find = ValueSelector.AtIndex;
        if (field["find"] is { } findToken && (findToken.Type != JTokenType.String || !Selectors.TryGetValue((string)findToken!, out find)))
        {
            return Problem(findToken, $"field '{name}': 'find' must be one of {string.Join(", ", Selectors.Keys)}");
        }

        string? trimEnd = null;
        if (field["trimEnd"] is { } trimToken)
        {
            if (trimToken.Type != JTokenType.String || string.IsNullOrEmpty((string?)trimToken))
            {
                return Problem(trimToken, $"field '{name}': 'trimEnd' must be the characters to trim");
            }

            trimEnd = (string)trimToken!;
        }

        return NotWith(field, name, "derive", "from", "map") ? null : new CatalogField(name, type, FieldSourceKind.InsertionString) { Index = index, Find = find, TrimEnd = trimEnd, Required = required };
    }

    private CatalogField? Constant(string name, FieldType type, JObject field)
    {
        var token = field["value"]!;
        var raw = token.Type is JTokenType.String or JTokenType.Integer or JTokenType.Float or JTokenType.Boolean ? ((JValue)token).Value : null;
        if (raw is null || !FieldTypes.TryCoerce(raw, type, out var value))
        {
            return Problem(token, $"field '{name}': the value is not a {FieldTypes.Name(type)}");
        }

        return NotWith(field, name, "find", "trimEnd", "from", "map") ? null : new CatalogField(name, type, FieldSourceKind.Constant) { Value = value };
    }

    private CatalogField? Derived(string name, FieldType type, JObject field)
    {
        var token = field["derive"]!;
        if (token.Type != JTokenType.String || !Derivations.TryGetValue((string)token!, out var derivation))
        {
            return Problem(token, $"field '{name}': 'derive' must be one of {string.Join(", ", Derivations.Keys)}");
        }

        if (type != FieldType.String)
        {
            return Problem(field["type"]!, $"field '{name}': '{(string)token!}' gives a string, not a {FieldTypes.Name(type)}");
        }

        if (field["from"] is not { Type: JTokenType.String } from)
        {
            return Problem(field, $"field '{name}': 'derive' needs 'from', the field it is computed from");
        }

        IReadOnlyDictionary<string, string>? map = null;
        if (derivation == FieldDerivation.VersionMap)
        {
            map = VersionMap(name, field);
            if (map is null)
            {
                return null;
            }
        }
        else if (NotWith(field, name, "map"))
        {
            return null;
        }

        return NotWith(field, name, "find", "trimEnd") ? null : new CatalogField(name, type, FieldSourceKind.Derived) { Derivation = derivation, From = (string)from!, Map = map };
    }

    /// <summary>A <c>version-map</c> table: keys <c>major.minor</c> (whole numbers, no leading zeros), values non-empty strings.</summary>
    private Dictionary<string, string>? VersionMap(string name, JObject field)
    {
        if (field["map"] is not JObject table || !table.HasValues)
        {
            Problem(field["map"] ?? field, $"field '{name}': 'version-map' needs 'map', an object such as {{\"5.2\": \"windows2003\"}}");
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in table.Properties())
        {
            if (!VersionKey.IsMatch(entry.Name))
            {
                Problem(entry, $"field '{name}': map key '{entry.Name}' must be major.minor, whole numbers without leading zeros (such as 5.2)");
            }
            else if (entry.Value.Type != JTokenType.String || string.IsNullOrEmpty((string?)entry.Value))
            {
                Problem(entry.Value, $"field '{name}': the value for '{entry.Name}' must be a non-empty string");
            }
            else
            {
                map[entry.Name] = (string)entry.Value!;
            }
        }

        return map.Count == table.Count ? map : null;
    }

    private bool NotWith(JObject field, string name, params string[] keys)
    {
        var misplaced = keys.Where(k => field[k] is not null).ToList();
        foreach (var key in misplaced)
        {
            Problem(field.Property(key)!, $"field '{name}': '{key}' does not apply to this kind of field");
        }

        return misplaced.Count > 0;
    }

    private static string Placeholders(MessageTemplate message) =>
        message.PlaceholderCount == 0 ? "none" : message.PlaceholderCount == 1 ? "{0}" : $"{{0}}…{{{message.PlaceholderCount - 1}}}";

    private CatalogField? Problem(JToken at, string message)
    {
        var (line, column) = JsonPositions.Of(at);
        _problems.Add(new RuleProblem(_file, line, column, message));
        return null;
    }
}
