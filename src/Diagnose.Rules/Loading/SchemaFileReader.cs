using Diagnose.Rules.Facts;
using Newtonsoft.Json.Linq;

namespace Diagnose.Rules.Loading;

/// <summary>
/// Reads a fact schema file (<c>*.facts.json</c>): <c>{"facts": [{"type": "Name", "derived": false,
/// "description": "...", "fields": {"node": "string", "time": {"type": "time", "description": "..."}}}]}</c>.
/// </summary>
internal static class SchemaFileReader
{
    private static readonly string[] FactKeys = ["type", "derived", "description", "fields", "from"];

    public static void Read(string file, FactSchemaSet into, List<RuleProblem> problems)
    {
        if (JsonPositions.LoadFile(file, problems) is not { } root)
        {
            return;
        }

        if (root["facts"] is not JArray facts)
        {
            var (l, c) = JsonPositions.Of(root);
            problems.Add(new RuleProblem(file, l, c, "a schema file needs a 'facts' array"));
            return;
        }

        foreach (var entry in facts)
        {
            if (entry is not JObject fact)
            {
                Add(problems, file, entry, "each entry of 'facts' must be an object");
                continue;
            }

            foreach (var property in fact.Properties().Where(p => !FactKeys.Contains(p.Name)))
            {
                Add(problems, file, property, $"unknown field '{property.Name}' in a fact type: expected {string.Join(", ", FactKeys)}");
            }

            var name = fact["type"]?.Type == JTokenType.String ? (string?)fact["type"] : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                Add(problems, file, fact, "a fact type needs a 'type' name (string)");
                continue;
            }

            var fields = new List<(string, FieldType, string?)>();
            if (fact["fields"] is not JObject fieldObject)
            {
                Add(problems, file, fact, $"fact type '{name}' needs a 'fields' object");
                continue;
            }

            foreach (var field in fieldObject.Properties())
            {
                var typeToken = field.Value is JObject detail ? detail["type"] : field.Value;
                var description = field.Value is JObject d ? (string?)d["description"] : null;
                if (typeToken?.Type != JTokenType.String || !FieldTypes.TryParse((string)typeToken!, out var type))
                {
                    Add(problems, file, field, $"field '{name}.{field.Name}' has no valid type: expected string, int, number, bool, time or duration");
                    continue;
                }

                fields.Add((field.Name, type, description));
            }

            var derived = fact["derived"]?.Type == JTokenType.Boolean && (bool)fact["derived"]!;
            if (!into.TryAdd(new FactSchema(name, fields, derived, (string?)fact["description"]) { From = From(file, fact["from"], problems) }))
            {
                Add(problems, file, fact, $"fact type '{name}' is declared twice");
            }
        }
    }

    // "from": {"log": "Application"} or {"snapshot": "nodes[].clusdb.state"}.
    private static FactProvenance? From(string file, JToken? token, List<RuleProblem> problems)
    {
        if (token is null)
        {
            return null;
        }

        string? Text(string key) => token[key] is { Type: JTokenType.String } v && ((string?)v)?.Length > 0 ? (string?)v : null;
        if (token is not JObject body || body.Properties().Any(p => p.Name is not ("log" or "snapshot") || p.Value.Type != JTokenType.String)
            || (Text("log") is null && Text("snapshot") is null))
        {
            Add(problems, file, token, "'from' must be {\"log\": \"<channel>\"} or {\"snapshot\": \"<snapshot fields>\"}");
            return null;
        }

        return new FactProvenance(Text("log"), Text("snapshot"));
    }

    private static void Add(List<RuleProblem> problems, string file, JToken token, string message)
    {
        var (l, c) = JsonPositions.Of(token);
        problems.Add(new RuleProblem(file, l, c, message));
    }
}
