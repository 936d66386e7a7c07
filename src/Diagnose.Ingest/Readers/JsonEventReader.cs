using System.Globalization;
using Diagnose.Core.Records;
using Diagnose.Ingest.Decoding;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Diagnose.Ingest.Readers;

/// <summary>
/// Reads <c>Get-WinEvent | ConvertTo-Json</c> output: an array of event objects, or one object. Objects are
/// loaded one at a time, so a large array never sits in memory whole.
/// </summary>
internal sealed class JsonEventReader : IEventReader
{
    /// <summary>What ConvertTo-Json writes for a Properties entry once its default depth of 2 is used up.</summary>
    private const string DepthLimitedProperty = "System.Diagnostics.Eventing.Reader.EventProperty";

    private static readonly JsonLoadSettings LoadSettings = new() { LineInfoHandling = LineInfoHandling.Ignore };

    public string Format => "json";

    public IEnumerable<EventRecord> Read(Stream stream, ReadContext context)
    {
        using var text = new CheckedTextReader(stream, context);
        using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, CloseInput = false };
        var state = new State();
        var inArray = false;
        var objects = 0;
        while (true)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            JObject? item = null;
            var line = 0;
            var loading = false;
            try
            {
                if (!json.Read())
                {
                    break;
                }

                if (json.TokenType == JsonToken.StartArray && !inArray && objects == 0)
                {
                    inArray = true;
                    continue;
                }

                if (json.TokenType == JsonToken.EndArray && inArray)
                {
                    inArray = false;
                    continue;
                }

                line = json.LineNumber;
                if (json.TokenType == JsonToken.StartObject)
                {
                    loading = true;
                    item = JObject.Load(json, LoadSettings);
                    objects++;
                }
                else
                {
                    objects++;
                    context.Skip($"expected an event object, found {json.TokenType}", line: line, column: json.LinePosition);
                    json.Skip();
                    continue;
                }
            }
            catch (JsonException e)
            {
                var (l, c) = e is JsonReaderException r ? (r.LineNumber, r.LinePosition) : (json.LineNumber, json.LinePosition);
                var message = loading
                    ? $"the event object that starts on line {line} is cut off or malformed: {e.Message}; nothing after it can be read"
                    : $"the JSON is malformed: {e.Message}; nothing after this point can be read";
                if (loading)
                {
                    context.Skip(message, line: l, column: c);
                }
                else
                {
                    context.Problem(message, line: l, column: c);
                }

                yield break;
            }

            var record = ToRecord(item, line, context, state);
            if (record is not null)
            {
                yield return record;
            }
        }

        if (objects == 0)
        {
            context.Problem("the JSON holds no event objects");
        }
    }

    private static EventRecord? ToRecord(JObject o, int line, ReadContext context, State state)
    {
        var provider = Str(o, "ProviderName");
        var idToken = Get(o, "Id");
        if (string.IsNullOrWhiteSpace(provider))
        {
            context.Skip("event skipped: it has no ProviderName", line: line);
            return null;
        }

        if (idToken is null || !EventIdentifiers.TryParse(Scalar(idToken), out var rawId))
        {
            context.Skip(idToken is null ? "event skipped: it has no Id" : $"event skipped: Id '{Scalar(idToken)}' is not a number", line: line);
            return null;
        }

        var (id, highBits) = EventIdentifiers.Split(rawId);
        var level = Int(o, "Level") ?? EventLevels.FromWord(Str(o, "LevelDisplayName"));
        var userId = Get(o, "UserId");
        var user = userId is JObject sid ? Str(sid, "Value") : Scalar(userId);
        return new EventRecord
        {
            Provider = provider.Trim(),
            ProviderGuid = Guid.TryParse(Str(o, "ProviderId"), out var guid) ? guid : null,
            EventId = id,
            Qualifiers = Int(o, "Qualifiers") ?? highBits,
            Version = Int(o, "Version"),
            Level = level,
            Task = Int(o, "Task"),
            Opcode = Int(o, "Opcode"),
            Keywords = Keywords(Get(o, "Keywords")),
            TimeUtc = Time(Get(o, "TimeCreated"), line, context),
            RecordNumber = long.TryParse(Scalar(Get(o, "RecordId")), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null,
            Channel = NonEmpty(Str(o, "LogName")),
            Computer = NonEmpty(Str(o, "MachineName")),
            UserSid = NonEmpty(user),
            ProcessId = Int(o, "ProcessId"),
            ThreadId = Int(o, "ThreadId"),
            Data = Properties(Get(o, "Properties"), line, context, state),
            Message = NonEmpty(Str(o, "Message")),
            Origin = new RecordOrigin(context.Source, Line: line),
        };
    }

    private static List<EventDataItem> Properties(JToken? token, int line, ReadContext context, State state)
    {
        var data = new List<EventDataItem>();
        if (token is not JArray items)
        {
            return data;
        }

        foreach (var item in items)
        {
            if (item is JValue { Type: JTokenType.String } s && (string?)s == DepthLimitedProperty)
            {
                if (!state.DepthNoted)
                {
                    state.DepthNoted = true;
                    context.Problem("event data was lost: ConvertTo-Json stopped at its default depth and wrote " +
                                    $"'{DepthLimitedProperty}' instead of the values; export again with ConvertTo-Json -Depth 4",
                        line: line);
                }

                return [];
            }

            var value = item is JObject property ? Get(property, "Value") : item;
            data.Add(new EventDataItem(null, Scalar(value)));
        }

        return data;
    }

    private static DateTime? Time(JToken? token, int line, ReadContext context)
    {
        if (token is JObject wrapped)
        {
            // PowerShell 5.1 may wrap the date with its display text; the /Date()/ value is the exact one.
            token = Get(wrapped, "value") ?? Get(wrapped, "DateTime");
        }

        var text = Scalar(token);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (EventTimes.TryParseMicrosoftJson(text, out var utc) || EventTimes.TryParseIso(text, out utc))
        {
            return utc;
        }

        context.Problem($"TimeCreated '{text}' is neither /Date(ms)/ nor ISO-8601; the record has no time", line: line);
        return null;
    }

    private static ulong? Keywords(JToken? token)
    {
        var text = Scalar(token)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : null;
        }

        // PowerShell writes the 64-bit mask as a signed long: 0x8080000000000000 is -9187343239835811840.
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed) ? unchecked((ulong)signed)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned) ? unsigned : null;
    }

    private static JToken? Get(JObject o, string name) =>
        o.GetValue(name, StringComparison.OrdinalIgnoreCase) is { Type: not JTokenType.Null } t ? t : null;

    private static string? Str(JObject o, string name) => Scalar(Get(o, name));

    private static int? Int(JObject o, string name) =>
        int.TryParse(Scalar(Get(o, name)), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A value as invariant text; objects and arrays as compact JSON.</summary>
    private static string? Scalar(JToken? token) => token switch
    {
        null => null,
        JValue { Type: JTokenType.Null or JTokenType.Undefined } => null,
        JValue { Type: JTokenType.String } v => (string?)v,
        JValue { Type: JTokenType.Boolean } v => (bool)v ? "true" : "false",
        JValue v => Convert.ToString(v.Value, CultureInfo.InvariantCulture),
        _ => token.ToString(Formatting.None),
    };

    /// <summary>Per-file state: the depth-limit problem is reported once.</summary>
    private sealed class State
    {
        public bool DepthNoted { get; set; }
    }
}
