using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Diagnose.Ingest.Readers;

/// <summary>Typed reads of snapshot values that report, with line and column, every value of the wrong shape.</summary>
internal sealed class SnapshotChecker
{
    private readonly ReadContext _context;

    public SnapshotChecker(ReadContext context) => _context = context;

    public static int? LineOf(JToken token) => token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    public static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Integer => $"the number {token.ToString(Formatting.None)}",
        JTokenType.Float => $"the number {token.ToString(Formatting.None)}",
        JTokenType.String => $"the string {token.ToString(Formatting.None)}",
        JTokenType.Boolean => $"the boolean {token.ToString(Formatting.None)}",
        JTokenType.Null => "null",
        JTokenType.Array => "an array",
        JTokenType.Object => "an object",
        var other => other.ToString().ToLowerInvariant(),
    };

    public void Report(JToken token, string message)
    {
        var info = (IJsonLineInfo)token;
        if (info.HasLineInfo())
        {
            _context.Problem(message, line: info.LineNumber, column: info.LinePosition);
        }
        else
        {
            _context.Problem(message);
        }
    }

    /// <summary>Reports every key the schema does not know, naming the ones it does.</summary>
    public void Keys(JObject o, string[] allowed, string where)
    {
        foreach (var property in o.Properties())
        {
            if (allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                continue;
            }

            var near = allowed.FirstOrDefault(a => string.Equals(a, property.Name, StringComparison.OrdinalIgnoreCase));
            var hint = near is null ? "" : $" (did you mean \"{near}\"? keys are case-sensitive)";
            Report(property, $"unknown key \"{property.Name}\" in {where}{hint}; allowed keys: {string.Join(", ", allowed)}");
        }
    }

    public string? String(JObject o, string key, string path) =>
        Value(o, key, path, JTokenType.String, "a string") is { } v ? NonEmpty((string?)v) : null;

    public long? Integer(JObject o, string key, string path) =>
        Value(o, key, path, JTokenType.Integer, "an integer") is { } v ? (long)v : null;

    public bool? Bool(JObject o, string key, string path) =>
        Value(o, key, path, JTokenType.Boolean, "true or false") is { } v ? (bool)v : null;

    public JObject? Object(JObject o, string key, string path) =>
        Value(o, key, path, JTokenType.Object, "an object") as JObject;

    public JArray? Array(JObject o, string key, string path) =>
        Value(o, key, path, JTokenType.Array, "an array") as JArray;

    /// <summary>The objects of an array, each with its path ("nodes[2]"); other elements are reported.</summary>
    public IEnumerable<(JObject Item, string Path)> Objects(JObject o, string key, string path)
    {
        if (Array(o, key, path) is not { } array)
        {
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JObject item)
            {
                yield return (item, $"{path}[{i}]");
            }
            else
            {
                Report(array[i], $"{path}[{i}] must be an object, found {Describe(array[i])}");
            }
        }
    }

    public DateTime? Date(JObject o, string key, string path)
    {
        var token = Value(o, key, path, JTokenType.String, "an ISO-8601 date string");
        if (token is null)
        {
            return null;
        }

        if (Readers.EventTimes.TryParseIso((string?)token, out var utc))
        {
            return utc;
        }

        Report(token, $"{path} must be an ISO-8601 date such as \"2024-03-05T10:00:00Z\", found {Describe(token)}");
        return null;
    }

    /// <summary>A string from a fixed set, compared without case and returned in lower case.</summary>
    public string? OneOf(JObject o, string key, string path, string[] allowed)
    {
        var token = Value(o, key, path, JTokenType.String, "a string");
        var text = (string?)token;
        if (token is null || text is null)
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Report(token, $"{path} must be one of {string.Join(", ", allowed)}; found \"{text}\"");
        }

        return match;
    }

    /// <summary>The value under a key when it has the expected JSON type; null when absent, null, or reported as wrong.</summary>
    private JToken? Value(JObject o, string key, string path, JTokenType type, string expected)
    {
        var token = o.Property(key, StringComparison.Ordinal)?.Value;
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        if (token.Type != type)
        {
            Report(token, $"{path} must be {expected}, found {Describe(token)}");
            return null;
        }

        return token;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
