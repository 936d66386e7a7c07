using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Diagnose.Rules.Loading;

/// <summary>Line and column of JSON tokens, and of a character inside a JSON string value.</summary>
public static class JsonPositions
{
    /// <summary>The 1-based line and column Newtonsoft recorded for a token, or (1, 1) when it has none (or for null).</summary>
    public static (int Line, int Column) Of(JToken? token)
    {
        if (token is IJsonLineInfo info && info.HasLineInfo())
        {
            return (info.LineNumber, info.LinePosition);
        }

        return (1, 1);
    }

    /// <summary>
    /// Newtonsoft reports the position just after a string value's closing quote; this finds the column
    /// of character <paramref name="offset"/> of its content (exact when the string has no escapes).
    /// </summary>
    public static (int Line, int Column) InString(JToken token, int offset)
    {
        var (line, end) = Of(token);
        var length = token.Type == JTokenType.String ? ((string?)token)?.Length ?? 0 : 0;
        return (line, Math.Max(1, end - length + offset));
    }

    /// <summary>A JSON file's top-level object; null, with a "not valid JSON" problem at its line and column, when it does not parse.</summary>
    public static JObject? LoadFile(string file, ICollection<RuleProblem> problems)
    {
        try
        {
            using var text = File.OpenText(file);
            return LoadObject(text);
        }
        catch (JsonReaderException e)
        {
            problems.Add(new RuleProblem(file, e.LineNumber, e.LinePosition, $"not valid JSON: {e.Message}"));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new RuleProblem(file, 1, 1, RuleLoader.Unreadable(e)));
            return null;
        }
    }

    /// <summary>
    /// Parses one top-level JSON object with line information on every token; a duplicate property, or content
    /// other than a comment after the object, is an error.
    /// </summary>
    /// <exception cref="JsonReaderException">The text is not valid JSON, or not one object; it carries the line and column.</exception>
    public static JObject LoadObject(TextReader text)
    {
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None };
        var token = JToken.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        if (reader.Read() && reader.TokenType != JsonToken.Comment)
        {
            throw new JsonReaderException($"unexpected content after the top-level object", reader.Path, reader.LineNumber, reader.LinePosition, null);
        }

        return token as JObject ?? throw new JsonReaderException("expected a JSON object at the top level", "", 1, 1, null);
    }
}
