using System.Globalization;
using Diagnose.Core.Records;

namespace Diagnose.Ingest.Evtx.Tests;

/// <summary>Paths of the sample logs copied beside the test assembly, and the oracle line format.</summary>
internal static class Samples
{
    public static string EvtxDir => Path.Combine(AppContext.BaseDirectory, "Samples", "evtx");

    public static string EvtDir => Path.Combine(AppContext.BaseDirectory, "Samples", "evt");

    public static string Evtx(string name) => Path.Combine(EvtxDir, name);

    public static IEnumerable<string> EvtxFiles() =>
        Directory.GetFiles(EvtxDir, "*.evtx").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>The oracle's columns: record_number event_id provider timestamp_utc channel computer [7th].</summary>
    public static string Line(EventRecord r, string seventh, string timeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'") =>
        string.Join(
            '\t',
            r.RecordNumber?.ToString(CultureInfo.InvariantCulture),
            r.EventId.ToString(CultureInfo.InvariantCulture),
            r.Provider,
            r.TimeUtc?.ToString(timeFormat, CultureInfo.InvariantCulture),
            r.Channel,
            r.Computer,
            seventh);

    public static List<string> Oracle(string path) => [.. File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0)];
}
