using Diagnose.Core.Records;
using Diagnose.Knowledge.Decisions;
using Diagnose.Knowledge.Events;
using Diagnose.Simulation.Output;
using Newtonsoft.Json.Linq;

namespace Diagnose.Decisions;

/// <summary>
/// Writes one decision-table case into a folder as a support engineer would receive it: one log file per node
/// and log in the chosen format, levels and messages taken from the event catalog, plus the snapshot file.
/// </summary>
internal static class DecisionCaseWriter
{
    public static IReadOnlyList<string> Write(DecisionCase decisionCase, DecisionFormat format, EventCatalog catalog, string folder)
    {
        ISimulatedLogWriter writer = format switch
        {
            DecisionFormat.Evtx => new EvtxLogWriter(),
            DecisionFormat.EventViewerXml => new XmlLogWriter(),
            DecisionFormat.GetWinEventJson => new GetWinEventJsonLogWriter(),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
        };

        var files = new List<string>();
        foreach (var log in decisionCase.Events.GroupBy(e => (Node: e.Node.ToUpperInvariant(), e.Log)))
        {
            var path = Path.Combine(folder, $"{log.Key.Node}_{log.Key.Log}{writer.Extension}");
            var number = 1L;
            var records = log.OrderBy(e => e.TimeUtc).Select(e => Record(e, catalog.Find(e.Provider, e.EventId)!, number++, path)).ToList();
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                writer.Write(stream, records);
            }

            files.Add(path);
        }

        if (decisionCase.Snapshot is { } snapshot)
        {
            var path = Path.Combine(folder, "snapshot.json");
            var json = JObject.Parse(snapshot);
            json.AddFirst(new JProperty("kind", "cluster-snapshot"));
            File.WriteAllText(path, json.ToString());
            files.Add(path);
        }

        return files;
    }

    private static EventRecord Record(CaseEvent e, CatalogEvent entry, long number, string path) => new()
    {
        Provider = entry.Provider,
        EventId = e.EventId,
        Qualifiers = entry.Qualifiers,
        Level = entry.Level,
        TimeUtc = e.TimeUtc,
        RecordNumber = number,
        Channel = e.Log,
        Computer = e.Node,
        Data = e.Data.Select(d => new EventDataItem(null, d)).ToList(),
        Message = entry.RenderMessage(e.Data),
        Origin = new RecordOrigin(path),
    };
}
