using System.Globalization;
using Diagnose.Rules.Loading;
using Newtonsoft.Json.Linq;

namespace Diagnose.Knowledge.Decisions;

/// <summary>Strict reading of one decision-table file's values: every problem is kept with the file, line and column.</summary>
internal sealed class DecisionJson
{
    private readonly string _file;
    private readonly List<RuleProblem> _problems;

    public DecisionJson(string file, List<RuleProblem> problems) => (_file, _problems) = (file, problems);

    public void Problem(JToken? at, string message)
    {
        var (line, column) = JsonPositions.Of(at);
        _problems.Add(new RuleProblem(_file, line, column, message));
    }

    public void Keys(JObject o, string what, params string[] allowed)
    {
        foreach (var property in o.Properties().Where(p => !allowed.Contains(p.Name)))
        {
            Problem(property, $"unknown key '{property.Name}' in {what}: expected {string.Join(", ", allowed)}");
        }
    }

    public string? Text(JObject o, string key, string what, bool required = true)
    {
        var token = o[key];
        if (token is null)
        {
            if (required)
            {
                Problem(o, $"{what} needs '{key}' (a non-empty string)");
            }

            return null;
        }

        if (token.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)token))
        {
            Problem(token, $"'{key}' of {what} must be a non-empty string");
            return null;
        }

        return (string)token!;
    }

    public IReadOnlyList<string> Texts(JObject o, string key, string what)
    {
        var token = o[key];
        if (token is null)
        {
            return [];
        }

        if (token is not JArray array)
        {
            Problem(token, $"'{key}' of {what} must be an array of strings");
            return [];
        }

        var texts = new List<string>();
        foreach (var item in array)
        {
            if (item.Type == JTokenType.String && !string.IsNullOrWhiteSpace((string?)item))
            {
                texts.Add((string)item!);
            }
            else
            {
                Problem(item, $"each entry of '{key}' in {what} must be a non-empty string");
            }
        }

        return texts;
    }

    public IEnumerable<JObject> Objects(JObject o, string key, string what)
    {
        var token = o[key];
        if (token is null)
        {
            yield break;
        }

        if (token is not JArray array)
        {
            Problem(token, $"'{key}' of {what} must be an array of objects");
            yield break;
        }

        foreach (var item in array)
        {
            if (item is JObject entry)
            {
                yield return entry;
            }
            else
            {
                Problem(item, $"each entry of '{key}' in {what} must be an object");
            }
        }
    }

    public double? Confidence(JObject o, string key, string what)
    {
        var token = o[key];
        if (token is null)
        {
            return null;
        }

        if (token.Type is not (JTokenType.Float or JTokenType.Integer) || (double)token < 0 || (double)token > 1)
        {
            Problem(token, $"'{key}' of {what} must be a number from 0 to 1");
            return null;
        }

        return (double)token;
    }

    public bool Flag(JObject o, string key, string what)
    {
        var token = o[key];
        if (token is null)
        {
            return false;
        }

        if (token.Type != JTokenType.Boolean)
        {
            Problem(token, $"'{key}' of {what} must be true or false");
            return false;
        }

        return (bool)token;
    }

    public DateTime? Time(JObject o, string key, string what)
    {
        if (Text(o, key, what) is not { } text)
        {
            return null;
        }

        // A case's time must say its zone, so that it is the same instant in every format it is written to.
        if ((text.EndsWith('Z') || text.Length > 19 && text[^6] is '+' or '-')
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return DateTime.SpecifyKind(time, DateTimeKind.Utc);
        }

        Problem(o[key], $"'{key}' of {what} must be an ISO-8601 time with its zone (for example 1999-11-08T09:00:00Z), found \"{text}\"");
        return null;
    }

    public static int LineOf(JToken token) => JsonPositions.Of(token).Line;
}
