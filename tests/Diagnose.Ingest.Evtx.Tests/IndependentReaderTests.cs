using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Diagnose.Core.Records;

namespace Diagnose.Ingest.Evtx.Tests;

/// <summary>
/// Files written by <see cref="EvtxWriter"/> and <see cref="EvtWriter"/> are read back by independent tools
/// (libevtx's evtxexport, python-evtx, libevt's evtexport) with exactly the records written: the fields are
/// parsed from each tool's output and compared one by one. A missing tool makes its test inconclusive.
/// </summary>
[TestClass]
public sealed partial class IndependentReaderTests
{
    private static readonly XNamespace Ns = "http://schemas.microsoft.com/win/2004/08/events/event";

    public TestContext TestContext { get; set; } = null!;

    private string WriteEvtx(List<EventRecord> records)
    {
        var path = Path.Combine(TestContext.TestResultsDirectory!, $"{TestContext.TestName}.evtx"); // this run's own folder (concurrent runs never share it), kept for inspection
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var f = File.Create(path))
        {
            EvtxWriter.Write(f, records);
        }

        return path;
    }

    [TestMethod]
    public void Evtxexport_ReadsEveryWrittenRecord()
    {
        var tool = ExternalTools.Require("evtxexport", "libevtx-utils");
        var records = TestRecords.Make(700, 2);
        var file = WriteEvtx(records);
        var events = Events(ExternalTools.Run(tool, $"-f xml \"{file}\""));
        Compare(records, events.Select(FromXml).ToList(), TimeSpan.Zero);

        // The text export names the same records, and libevtx finds nothing to recover in a clean file.
        var info = ExternalTools.Run(tool, $"-m all \"{file}\"");
        Assert.AreEqual(records.Count, NumberLine().Matches(info).Count, "evtxexport -m all record count");
    }

    [TestMethod]
    public void PythonEvtx_ReadsEveryWrittenRecord()
    {
        var tool = ExternalTools.Require("evtx_dump.py", "python3-evtx");
        var records = TestRecords.Make(250, 3);
        var file = WriteEvtx(records);
        var events = Events(ExternalTools.Run("/usr/bin/python3", $"\"{tool}\" \"{file}\""));
        // python-evtx converts FILETIME through a float: exact to a few microseconds only.
        Compare(records, events.Select(FromXml).ToList(), TimeSpan.FromTicks(30));
    }

    private static List<XElement> Events(string output) =>
        [.. EventBlock().Matches(output).Select(m => XElement.Parse(m.Value))];

    private static void Compare(List<EventRecord> expected, List<(string Fields, DateTime? Time)> actual, TimeSpan tolerance)
    {
        Assert.HasCount(expected.Count, actual, "record count");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.AreEqual(Fields(expected[i]), actual[i].Fields, $"record {i}");
            Assert.IsNotNull(actual[i].Time, $"record {i} time");
            var delta = (actual[i].Time!.Value - expected[i].TimeUtc!.Value).Duration();
            Assert.IsLessThanOrEqualTo(tolerance, delta, $"record {i} time {expected[i].TimeUtc:O} vs {actual[i].Time:O}");
        }
    }

    /// <summary>The fields every tool shows, in one canonical line.</summary>
    private static string Fields(EventRecord r) => string.Join(
        " | ",
        r.RecordNumber,
        r.Provider,
        r.ProviderGuid?.ToString("D"),
        r.EventId,
        r.Qualifiers,
        r.Version,
        r.Level,
        r.Task,
        r.Opcode,
        r.Keywords,
        r.Channel,
        r.Computer,
        r.UserSid,
        r.ProcessId,
        r.ThreadId,
        string.Join(" ; ", r.Data.Select(d => $"{d.Name}={d.Value}")));

    private static (string Fields, DateTime? Time) FromXml(XElement e)
    {
        var sys = e.Element(Ns + "System")!;
        string? Text(string name) => sys.Element(Ns + name) is { } x && x.Value.Length > 0 ? x.Value : null;
        string? Attr(string element, string name) => sys.Element(Ns + element)?.Attribute(name) is { } a && a.Value.Length > 0 ? a.Value : null;
        long? Number(string? s) => s is null ? null : s.StartsWith("0x", StringComparison.Ordinal)
            ? (long)ulong.Parse(s[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : long.Parse(s, CultureInfo.InvariantCulture);
        var keywords = Text("Keywords") is { } k ? ulong.Parse(k[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : (ulong?)null;
        var data = e.Element(Ns + "EventData")?.Elements(Ns + "Data").Select(d => $"{d.Attribute("Name")?.Value}={d.Value}") ?? [];
        var time = Attr("TimeCreated", "SystemTime") is { } t ? ParseTime(t) : (DateTime?)null;
        return (string.Join(
            " | ",
            Text("EventRecordID"),
            Attr("Provider", "Name"),
            Attr("Provider", "Guid") is { } g ? Guid.Parse(g).ToString("D") : null,
            Text("EventID"),
            Number(Attr("EventID", "Qualifiers")) ?? 0,
            Number(Text("Version")),
            Number(Text("Level")) ?? 0,
            Number(Text("Task")),
            Number(Text("Opcode")),
            keywords,
            Text("Channel"),
            Text("Computer"),
            Attr("Security", "UserID"),
            Number(Attr("Execution", "ProcessID")),
            Number(Attr("Execution", "ThreadID")),
            string.Join(" ; ", data)), time);
    }

    /// <summary>ISO-8601 with 6 to 9 fractional digits, 'T' or a space, with or without 'Z'.</summary>
    internal static DateTime ParseTime(string s)
    {
        var m = TimePattern().Match(s.Trim());
        Assert.IsTrue(m.Success, $"time {s}");
        var whole = DateTime.ParseExact(m.Groups[1].Value + " " + m.Groups[2].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var fraction = (m.Groups[3].Value + "0000000")[..7];
        return whole.AddTicks(long.Parse(fraction, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("<Event xmlns=.*?</Event>", RegexOptions.Singleline)]
    private static partial Regex EventBlock();

    [GeneratedRegex(@"^Event number\s*:", RegexOptions.Multiline)]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:\.(\d+))?Z?$")]
    private static partial Regex TimePattern();
}
