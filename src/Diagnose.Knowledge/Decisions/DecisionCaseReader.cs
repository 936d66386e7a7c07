using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Diagnose.Knowledge.Decisions;

/// <summary>Reads one case of a decision-table row: its snapshot, its events and its expectation.</summary>
internal static class DecisionCaseReader
{
    private static readonly string[] CaseKeys = ["kind", "name", "snapshot", "events", "expect"];
    private static readonly string[] EventKeys = ["node", "log", "provider", "id", "time", "data"];
    private static readonly string[] ExpectKeys = ["diagnoses", "only", "absent", "ruledOut", "collect", "benign", "unexplained"];
    private static readonly string[] ExpectedEventKeys = ["provider", "id", "node"];
    private static readonly string[] DiagnosisKeys = ["rule", "plan", "confidence", "severity"];
    private static readonly string[] RuledOutKeys = ["rule", "reason"];

    private static readonly Dictionary<string, CaseKind> Kinds = new(StringComparer.Ordinal)
    {
        ["positive"] = CaseKind.Positive,
        ["near-miss"] = CaseKind.NearMiss,
        ["contradicting"] = CaseKind.Contradicting,
    };

    public static string Name(CaseKind kind) => Kinds.First(k => k.Value == kind).Key;

    public static DecisionCase? Read(JObject o, string row, DecisionContext context)
    {
        var json = context.Json;
        json.Keys(o, $"a case of {row}", CaseKeys);
        var name = json.Text(o, "name", $"a case of {row}");
        var what = $"case '{name}' of {row}";
        var kindText = json.Text(o, "kind", what);
        CaseKind? kind = null;
        if (kindText is not null)
        {
            if (Kinds.TryGetValue(kindText, out var k))
            {
                kind = k;
            }
            else
            {
                json.Problem(o["kind"], $"unknown case kind '{kindText}': expected {string.Join(", ", Kinds.Keys)}");
            }
        }

        string? snapshot = null;
        if (o["snapshot"] is { } snapshotToken)
        {
            if (snapshotToken is JObject snapshotObject)
            {
                snapshot = snapshotObject.ToString(Formatting.Indented);
            }
            else
            {
                json.Problem(snapshotToken, $"'snapshot' of {what} must be a cluster snapshot object (without 'kind')");
            }
        }

        var events = json.Objects(o, "events", what).Select(e => ReadEvent(e, what, context)).OfType<CaseEvent>().ToList();
        if (o["snapshot"] is null && o["events"] is null)
        {
            json.Problem(o, $"{what} needs a 'snapshot', 'events' or both");
        }

        var expect = o["expect"] is JObject expectObject ? ReadExpectation(expectObject, what, context) : null;
        if (o["expect"] is not JObject)
        {
            json.Problem(o["expect"] ?? o, $"{what} needs an 'expect' object");
        }

        return name is null || kind is null || expect is null ? null : new DecisionCase
        {
            Kind = kind.Value, Name = name, Snapshot = snapshot, Events = events, Expect = expect, Line = DecisionJson.LineOf(o),
        };
    }

    private static CaseEvent? ReadEvent(JObject o, string what, DecisionContext context)
    {
        var json = context.Json;
        var where = $"an event of {what}";
        json.Keys(o, where, EventKeys);
        var node = json.Text(o, "node", where);
        var provider = json.Text(o, "provider", where);
        var time = json.Time(o, "time", where);
        int? id = o["id"] is { Type: JTokenType.Integer } idToken && (long)idToken is >= 0 and <= 65535 ? (int)(long)idToken : null;
        if (id is null)
        {
            json.Problem(o["id"] ?? o, $"{where} needs 'id', an event ID from 0 to 65535");
        }

        // An insertion string may be empty (some events leave one empty), so the strings are taken as written.
        var data = new List<string>();
        if (o["data"] is { } dataToken)
        {
            if (dataToken is JArray array && array.All(d => d.Type == JTokenType.String))
            {
                data = array.Select(d => (string)d!).ToList();
            }
            else
            {
                json.Problem(dataToken, $"'data' of {where} must be an array of strings (the insertion strings, in order)");
            }
        }

        if (provider is null || id is null)
        {
            return null;
        }

        var entry = context.Catalog.Find(provider, id.Value);
        if (entry is null)
        {
            json.Problem(o["provider"], $"{provider} {id} is not in the event catalog (add it to a *.events.json file first)");
            return null;
        }

        var log = json.Text(o, "log", where, required: false) ?? entry.Channel;
        return node is null || time is null ? null : new CaseEvent
        {
            Node = node, Log = log, Provider = entry.Provider, EventId = id.Value, TimeUtc = time.Value, Data = data,
        };
    }

    private static CaseExpectation ReadExpectation(JObject o, string what, DecisionContext context)
    {
        var json = context.Json;
        var where = $"the expectation of {what}";
        json.Keys(o, where, ExpectKeys);
        var diagnoses = new List<ExpectedDiagnosis>();
        foreach (var d in json.Objects(o, "diagnoses", where))
        {
            json.Keys(d, $"an expected diagnosis of {what}", DiagnosisKeys);
            if (json.Text(d, "rule", $"an expected diagnosis of {what}") is { } rule)
            {
                context.CheckRule(d["rule"]!, rule);
                var severity = json.Text(d, "severity", $"an expected diagnosis of {what}", required: false);
                if (severity is not null and not ("incident" or "advice"))
                {
                    json.Problem(d["severity"], $"'severity' must be \"incident\" or \"advice\", found \"{severity}\"");
                }

                diagnoses.Add(new ExpectedDiagnosis(rule, json.Text(d, "plan", $"an expected diagnosis of {what}", required: false), json.Confidence(d, "confidence", $"an expected diagnosis of {what}"), severity));
            }
        }

        var ruledOut = new List<ExpectedRuledOut>();
        foreach (var r in json.Objects(o, "ruledOut", where))
        {
            json.Keys(r, $"an expected ruled-out entry of {what}", RuledOutKeys);
            if (json.Text(r, "rule", $"an expected ruled-out entry of {what}") is { } rule)
            {
                context.CheckRule(r["rule"]!, rule);
                ruledOut.Add(new ExpectedRuledOut(rule, json.Text(r, "reason", $"an expected ruled-out entry of {what}", required: false)));
            }
        }

        var absent = json.Texts(o, "absent", where);
        foreach (var (rule, i) in absent.Select((r, i) => (r, i)))
        {
            context.CheckRule(((JArray)o["absent"]!)[i], rule);
        }

        return new CaseExpectation
        {
            Diagnoses = diagnoses, Only = json.Flag(o, "only", where), Absent = absent, RuledOut = ruledOut, Collect = json.Texts(o, "collect", where),
            Benign = ExpectedEvents(o, "benign", what, json), Unexplained = ExpectedEvents(o, "unexplained", what, json),
        };
    }

    /// <summary>Events a report category must list: <c>[{"provider", "id", "node"}]</c>.</summary>
    private static List<ExpectedListedEvent> ExpectedEvents(JObject o, string key, string what, DecisionJson json)
    {
        var where = $"an expected {key} event of {what}";
        var events = new List<ExpectedListedEvent>();
        foreach (var e in json.Objects(o, key, $"the expectation of {what}"))
        {
            json.Keys(e, where, ExpectedEventKeys);
            var provider = json.Text(e, "provider", where);
            var node = json.Text(e, "node", where);
            int? id = e["id"] is { Type: JTokenType.Integer } idToken && (long)idToken is >= 0 and <= 65535 ? (int)(long)idToken : null;
            if (id is null)
            {
                json.Problem(e["id"] ?? e, $"{where} needs 'id', an event ID from 0 to 65535");
            }

            if (provider is not null && node is not null && id is int eventId)
            {
                events.Add(new ExpectedListedEvent(provider, eventId, node));
            }
        }

        return events;
    }
}
