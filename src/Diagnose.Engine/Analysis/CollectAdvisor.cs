using Diagnose.Core.Reports;
using Diagnose.Core.Time;
using Diagnose.Knowledge;
using Diagnose.Rules.Engine;
using Diagnose.Rules.Evidence;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Analysis;

/// <summary>
/// Says what to collect so the rules could decide: (a) the corroboration a diagnosis missed, when the log that
/// would hold it was not supplied; (b) for a rule that stopped at a pattern whose facts come from a log or the
/// snapshot (the fact type's <c>from</c>), that log from each node that did not supply it, or the snapshot. Advice
/// is tied to rules that were close (an earlier pattern matched, or the article's events are present); a
/// snapshot-only article is advised only when nothing was diagnosed and no snapshot was given. Items are
/// deduplicated and list every rule that asked for them.
/// </summary>
internal sealed class CollectAdvisor(RuleSet rules, KnowledgeBase knowledge, FactSource facts, LogCoverage coverage, bool hasSnapshot)
{
    private const string SnapshotWanted = "a cluster snapshot: none was given, and these rules need facts only a snapshot gives";

    public List<CollectReport> Advise(RuleSession session, IReadOnlyList<Assessment> assessed, int diagnoses)
    {
        var advice = new List<(CollectReport Item, string Rule)>();
        foreach (var kept in assessed.Where(a => !a.IsRuledOut && a.Conclusion.Kind == ConclusionKind.Diagnosis))
        {
            foreach (var missing in kept.Missing)
            {
                // The log is there and the event is not: nothing left to collect (the basis lists it as missing).
                if (missing is { Log: { } log, Node: { } node } && !coverage.Lacks(node, log))
                {
                    continue;
                }

                advice.Add((Item(missing.What, missing.Node, missing.Log, missing.From, missing.To), kept.Conclusion.Rule.Id));
            }
        }

        var concluded = assessed.Select(a => a.Conclusion.Rule.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in rules.Rules.Where(r => r.Diagnosis is not null && !concluded.Contains(r.Id)))
        {
            foreach (var item in Stopped(session, rule, diagnoses))
            {
                advice.Add((item, rule.Id));
            }
        }

        return advice
            .GroupBy(a => (a.Item.What, a.Item.Node, a.Item.Log))
            .Select(g => new CollectReport
            {
                What = g.First().Item.What,
                Node = g.First().Item.Node,
                Log = g.First().Item.Log,
                Window = g.First().Item.Window,
                Command = g.Key.What == SnapshotWanted
                    ? $"write snapshot.json (README, \"Cluster snapshot\") and pass it with --snapshot; fields: {string.Join("; ", g.Select(a => a.Item.Command).Distinct(StringComparer.Ordinal))}"
                    : g.First().Item.Command,
                Because = g.Select(a => a.Rule).Distinct(StringComparer.Ordinal).ToList(),
            })
            .ToList();
    }

    private IEnumerable<CollectReport> Stopped(RuleSession session, Rule rule, int diagnoses)
    {
        var why = session.WhyNot(rule.Id);
        if (why.Fired > 0 || why.Pending > 0)
        {
            yield break;
        }

        var stop = why.Steps.FirstOrDefault(s => s.Reaching > 0 && s.Passing == 0);
        if (stop is null || rule.Patterns[stop.Index] is not { Kind: not PatternKind.Not } pattern || pattern.Schema.From is not { } from)
        {
            yield break;
        }

        var article = knowledge.Find(rule.Kb);
        var close = stop.Index > 0 || ArticleEventsPresent(rule.Kb);
        if (from.Snapshot is { } fields && !hasSnapshot)
        {
            var snapshotOnly = article is not null && article.SymptomEvents.Count == 0;
            if (close || (snapshotOnly && diagnoses == 0))
            {
                // One item for every rule that wants the snapshot; Advise joins the fields they need.
                yield return new CollectReport { What = SnapshotWanted, Command = $"{pattern.Schema.Name}: {fields}" };
            }

            yield break;
        }

        if (from.Log is not { } log || !close)
        {
            yield break;
        }

        var (start, end) = Window(rule, stop.Index);
        foreach (var node in Nodes().Where(n => coverage.Lacks(n, log)))
        {
            yield return Item($"the {log} log of {node}: {rule.Id} needs a {pattern.Schema.Name} fact, and no {log} log from {node} was supplied", node, log, start, end);
        }
    }

    private static CollectReport Item(string what, string? node, string? log, DateTime? from, DateTime? to) => new()
    {
        What = what,
        Node = node,
        Log = log,
        Window = from is { } f && to is { } t ? new CollectWindow { From = EvidenceItems.Time(f), To = EvidenceItems.Time(t) } : null,
        Command = log is null || node is null ? null : Command(log, node, from, to),
    };

    // wevtutil epl <log> <file> [/q:<XPath>] [/r:<remote>] (learn.microsoft.com, windows-commands/wevtutil) exists
    // from Windows Vista / Server 2008; older nodes save the log from Event Viewer, and Diagnose reads .evt as is.
    private static string Command(string log, string node, DateTime? from, DateTime? to)
    {
        var query = from is { } f && to is { } t
            ? $" /q:\"*[System[TimeCreated[@SystemTime>='{Iso(f)}' and @SystemTime<='{Iso(t)}']]]\""
            : "";
        return $"wevtutil epl {log} {node}-{log}.evtx /r:{node}{query} (Windows Vista/Server 2008 and later); " +
               $"on Windows NT 4.0/2000/2003: Event Viewer, {log} log, Action > Save Log File As… {node}-{log}.evt";
    }

    private static string Iso(DateTime time) => IsoTime.Format(time, IsoPrecision.Seconds);

    private IEnumerable<string> Nodes()
    {
        var nodes = new SortedSet<string>(coverage.Nodes, StringComparer.Ordinal);
        if (rules.Schemas.Find("ClusterNode") is { } clusterNode && clusterNode.Field("node") is { } field)
        {
            foreach (var fact in facts.Of(clusterNode))
            {
                if (fact.Values[field.Index] is string name)
                {
                    nodes.Add(name.ToUpperInvariant());
                }
            }
        }

        return nodes;
    }

    private bool ArticleEventsPresent(string kb)
    {
        if (knowledge.Find(kb) is not { } article || rules.Schemas.Find("Event") is not { } events)
        {
            return false;
        }

        var provider = events.Field("provider")!.Index;
        var id = events.Field("eventId")!.Index;
        return facts.Of(events).Any(f => article.SymptomEvents.Any(s =>
            string.Equals(s.Provider, f.Values[provider] as string, StringComparison.OrdinalIgnoreCase) && f.Values[id] is long n && n == s.EventId));
    }

    // The times of the facts the earlier patterns could bind, widened by the collect margin.
    private (DateTime? From, DateTime? To) Window(Rule rule, int stoppedAt)
    {
        var times = rule.Patterns.Take(stoppedAt)
            .Where(p => p.Kind == PatternKind.Match && p.Schema.Field("time") is { Type: FieldType.Time })
            .SelectMany(p => facts.Of(p.Schema).Select(f => f.Values[p.Schema.Field("time")!.Index]))
            .OfType<DateTime>()
            .ToList();
        return times.Count == 0 ? (null, null) : (times.Min() - EvidenceAssessor.CollectMargin, times.Max() + EvidenceAssessor.CollectMargin);
    }
}
