using Diagnose.Rules.Facts;
using Diagnose.Rules.Loading;
using Newtonsoft.Json.Linq;

namespace Diagnose.Knowledge.Events;

/// <summary>
/// Reads a catalog entry's <c>"clock": {"peer": "peer", "key": ["network"], "withinMs": 2400, "source": "…"}</c>,
/// checking that the peer and key fields are string fields of the entry's fact type.
/// </summary>
internal sealed class ClockMarkerReader(string file, FactSchema schema, List<RuleProblem> problems)
{
    private static readonly string[] Keys = ["peer", "key", "withinMs", "source"];

    public ClockMarker? Read(JToken token)
    {
        if (token is not JObject clock)
        {
            return Problem(token, "'clock' must be an object {\"peer\", \"key\", \"withinMs\", \"source\"}");
        }

        var before = problems.Count;
        foreach (var property in clock.Properties().Where(p => !Keys.Contains(p.Name)))
        {
            Problem(property, $"unknown key '{property.Name}' in 'clock': expected {string.Join(", ", Keys)}");
        }

        var peer = Field(clock, clock["peer"], "peer");
        var key = new List<string>();
        if (clock["key"] is { } keyToken)
        {
            if (keyToken is not JArray keys)
            {
                Problem(keyToken, "'key' must be an array of fact field names");
            }
            else
            {
                key.AddRange(keys.Select(k => Field(clock, k, "key")).OfType<string>());
            }
        }

        TimeSpan? within = clock["withinMs"] is { Type: JTokenType.Integer } w && (long)w is > 0 and <= 3_600_000
            ? TimeSpan.FromMilliseconds((long)w)
            : Problem<TimeSpan?>(clock["withinMs"] ?? clock, "'withinMs' must be an integer from 1 to 3600000: how far apart in true time two nodes log the same moment", null);
        var source = clock["source"] is { Type: JTokenType.String } s && !string.IsNullOrWhiteSpace((string?)s)
            ? (string)s!
            : Problem<string?>(clock["source"] ?? clock, "'clock' needs a 'source': the document that says every node logs this moment", null);

        return problems.Count > before || peer is null || within is null || source is null ? null : new ClockMarker(peer, key, within.Value, source);
    }

    private string? Field(JObject clock, JToken? token, string what)
    {
        if (token is not { Type: JTokenType.String } || string.IsNullOrWhiteSpace((string?)token))
        {
            return Problem<string?>(token ?? clock, $"'{what}' must name a field of fact type '{schema.Name}'", null);
        }

        var name = (string)token!;
        var field = schema.Field(name);
        if (field is null || field.Type != FieldType.String || name is "node" or "time")
        {
            return Problem<string?>(token, $"'{what}' must name a string field of fact type '{schema.Name}' other than node: '{name}' is not one", null);
        }

        return name;
    }

    private ClockMarker? Problem(JToken at, string message) => Problem<ClockMarker?>(at, message, null);

    private T Problem<T>(JToken at, string message, T result)
    {
        var (line, column) = JsonPositions.Of(at);
        problems.Add(new RuleProblem(file, line, column, message));
        return result;
    }
}
