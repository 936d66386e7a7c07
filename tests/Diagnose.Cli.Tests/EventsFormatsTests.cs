using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Diagnose.Cli.Tests;

/// <summary><c>diagnose events</c> with <c>--format xml</c>, <c>--format json</c> and <c>--recover</c>.</summary>
[TestClass]
public sealed partial class EventsFormatsTests
{
    private static string Evtx(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", "evtx", name);

    [TestMethod]
    [DataRow("security.evtx")]
    [DataRow("MSExchange_Management_wec.evtx")]
    [DataRow("formats/Q188674/xml/EXNODEA_System.xml")]
    public void Events_Xml_IsOneDocumentWithOneEventPerLine(string input)
    {
        var path = input.StartsWith("formats", StringComparison.Ordinal) ? Cli.Sample(input) : Evtx(input);
        var (exit, output, error) = Cli.Run("events", path, "--format", "xml");
        Assert.AreEqual(0, exit, error);
        var tsv = Cli.Run("events", path).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var doc = XDocument.Parse(output);
        XNamespace ns = "http://schemas.microsoft.com/win/2004/08/events/event";
        var events = doc.Root!.Elements(ns + "Event").ToList();
        Assert.HasCount(tsv.Length, events);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(tsv.Length + 3, lines, "declaration, <Events>, one line per event, </Events>");
        for (var i = 0; i < events.Count; i++)
        {
            var sys = events[i].Element(ns + "System")!;
            var columns = tsv[i].Split('\t');
            Assert.AreEqual(columns[1], sys.Element(ns + "EventID")!.Value, $"event {i}");
            Assert.AreEqual(columns[2], sys.Element(ns + "Provider")!.Attribute("Name")!.Value, $"event {i}");
        }
    }

    [TestMethod]
    public void Events_Json_IsOneObjectPerRecordWithEveryField()
    {
        var path = Evtx("sysmon.evtx");
        var (exit, output, error) = Cli.Run("events", path, "--format", "json");
        Assert.AreEqual(0, exit, error);
        var tsv = Cli.Run("events", path).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(tsv.Length, lines);
        for (var i = 0; i < lines.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            var o = doc.RootElement;
            var columns = tsv[i].Split('\t');
            Assert.AreEqual(columns[0], o.GetProperty("recordNumber").GetInt64().ToString(CultureInfo.InvariantCulture));
            Assert.AreEqual(columns[3], o.GetProperty("timeUtc").GetString());
            foreach (var field in new[] { "source", "offset", "provider", "providerGuid", "eventId", "qualifiers", "version", "level", "task", "opcode", "keywords", "channel", "computer", "userSid", "processId", "threadId", "data", "message", "recovered" })
            {
                Assert.IsTrue(o.TryGetProperty(field, out _), $"line {i} lacks {field}");
            }

            Assert.IsGreaterThan(0, o.GetProperty("data").GetArrayLength(), $"line {i}: sysmon events carry data");
        }
    }

    [TestMethod]
    public void Events_Recover_CarvesSlackRecordsAndCountsAddUp()
    {
        // A filtered export: 14 records in use, and libevtx's `evtxexport -m recovered` finds 43 in the slack.
        var path = Evtx("mitre_ID1-LSASS_dump_with_LSASSY_SYSMON.evtx");
        var plain = Cli.Run("events", path);
        var recovered = Cli.Run("events", path, "--recover");
        Assert.AreEqual(0, recovered.Exit, recovered.Err);

        var before = Counts().Match(plain.Err);
        var after = Counts().Match(recovered.Err);
        Assert.AreEqual("14 records = 14 read + 0 recovered + 0 unreadable", before.Value[2..]);
        var n = after.Groups.Values.Skip(1).Select(g => int.Parse(g.Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.AreEqual(n[0], n[1] + n[2] + n[3], after.Value);
        Assert.AreEqual(14, n[1]);
        Assert.AreEqual(43, n[2], "as many as libevtx recovers");
        Assert.HasCount(n[1] + n[2], recovered.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(plain.Out, recovered.Out, "the records in use come first, unchanged");
        if (n[3] > 0)
        {
            StringAssert.Contains(recovered.Err, "unreadable", "each unreadable carved record is reported with its offset");
        }
    }

    [GeneratedRegex(@": (\d+) records = (\d+) read \+ (\d+) recovered \+ (\d+) unreadable")]
    private static partial Regex Counts();
}
