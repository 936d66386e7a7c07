using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Reanalysis;

/// <summary>
/// The body of <c>POST /api/reanalyses</c>: <c>{}</c> or <c>{"all": true}</c> for every stored case, or <c>kb</c>
/// and/or <c>since</c>/<c>until</c> (ISO-8601, creation time, until exclusive), and an optional <c>label</c> naming
/// the rules or knowledge version. Unknown fields are refused so that a typo never widens the selection.
/// </summary>
public sealed record ReanalysisRequest(ReanalysisSelection Selection, string? Label)
{
    private static readonly string[] Fields = ["all", "kb", "since", "until", "label"];

    /// <summary>Parses a body; on failure gives the problem type (<c>malformed-json</c> or <c>invalid-request</c>) and a detail with line and column.</summary>
    public static bool TryParse(string body, out ReanalysisRequest request, out string problemType, out string detail)
    {
        request = new ReanalysisRequest(new ReanalysisSelection(null, null, null), null);
        (problemType, detail) = ("", "");
        if (string.IsNullOrWhiteSpace(body))
        {
            return true;
        }

        JToken token;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        }
        catch (JsonReaderException e)
        {
            (problemType, detail) = ("malformed-json", $"the body is not JSON: {e.Message}");
            return false;
        }

        if (token is not JObject body1)
        {
            (problemType, detail) = ("invalid-request", $"{At(token)}: the body must be a JSON object");
            return false;
        }

        foreach (var property in body1.Properties())
        {
            if (!Fields.Contains(property.Name, StringComparer.Ordinal))
            {
                (problemType, detail) = ("invalid-request", $"{At(property)}: unknown field '{property.Name}'; expected {string.Join(", ", Fields)}");
                return false;
            }
        }

        if (!Text(body1, "kb", out var kb, out detail) || !Text(body1, "label", out var label, out detail) ||
            !Time(body1, "since", out var since, out detail) || !Time(body1, "until", out var until, out detail))
        {
            problemType = "invalid-request";
            return false;
        }

        if (body1["all"] is { } all && (all.Type != JTokenType.Boolean || !(bool)all! || kb is not null || since is not null || until is not null))
        {
            (problemType, detail) = ("invalid-request", $"{At(all)}: 'all' must be true and cannot be combined with kb, since or until");
            return false;
        }

        if (since is not null && until is not null && until <= since)
        {
            (problemType, detail) = ("invalid-request", $"{At(body1["until"]!)}: 'until' must be later than 'since'");
            return false;
        }

        request = new ReanalysisRequest(new ReanalysisSelection(kb, since, until), label);
        return true;
    }

    private static bool Text(JObject body, string name, out string? value, out string detail)
    {
        (value, detail) = (null, "");
        if (body[name] is not { } token || token.Type == JTokenType.Null)
        {
            return true;
        }

        if (token.Type != JTokenType.String || ((string)token!).Trim().Length == 0)
        {
            detail = $"{At(token)}: '{name}' must be a non-empty string";
            return false;
        }

        value = ((string)token!).Trim();
        return true;
    }

    private static bool Time(JObject body, string name, out DateTimeOffset? value, out string detail)
    {
        value = null;
        if (!Text(body, name, out var text, out detail) || text is null)
        {
            return text is null && detail.Length == 0;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            detail = $"{At(body[name]!)}: '{name}' is '{text}', not a date and time: expected ISO-8601, for example 2024-05-01T00:00:00Z";
            return false;
        }

        value = parsed;
        return true;
    }

    private static string At(JToken token) => token is IJsonLineInfo info && info.HasLineInfo() ? $"line {info.LineNumber}, column {info.LinePosition}" : "the body";
}
