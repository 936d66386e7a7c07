using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Diagnose.Analysis;

namespace Diagnose.Engine.Tests;

/// <summary>
/// Issue 13, item 7, time across nodes: <c>--utc-offset</c> on zone-less inputs, the clock skew estimated from the
/// membership events both nodes log about each other (ClusSvc 1122/1123, KB892422), and the KB293302 order
/// (609 on one node before the 412 on another) weighed against that skew.
/// </summary>
[TestClass]
public sealed class ClockTests
{
    private const string Strong = "KB293302.log-unreadable-after-upgrade-elsewhere";

    // ---- --utc-offset on CSV from two nodes in different zones ----

    [TestMethod]
    public void Analyze_CsvFromTwoZonesWithTheirOffsets_DiagnosesTheConversionOnTheOtherNode()
    {
        using var temp = ZonedCsv(node1: 1, node2: 2);
        var report = Engine.Instance.Analyze([temp.Path], new AnalyzeOptions { UtcOffsets = ["NODE1=+01:00", "node2.corp.contoso.com=+02:00"] });

        // KB293302's confidence arithmetic (README): the CSV copy has no snapshot and no 6009, so the nodes' OS stays
        // unknown and the OS corroborations are missing; the order of the 609 and the 412 is what the offsets decide.
        var diagnosis = report.Diagnoses.Single(d => d.Rule == Strong);
        Assert.AreEqual(0.75, diagnosis.Confidence, 1e-9);
        Assert.AreEqual("2007-02-12T08:38:51Z", diagnosis.Evidence.Single(e => e.EventId == 609).Time, "the 609 is shown in UTC");
        CollectionAssert.Contains(diagnosis.Evidence.Where(e => e.EventId == 412).Select(e => e.Time).ToList(), "2007-02-12T09:14:03Z");
        var input = report.Inputs.Single(i => i.Path.EndsWith("NODE2_Application.csv", StringComparison.Ordinal));
        Assert.AreEqual("taken as UTC+02:00 (given) for NODE2", input.Clock);
        var node1 = report.Clock!.Nodes.Single(n => n.Node == "NODE1");
        Assert.AreEqual(("given", "+01:00"), (node1.Source, node1.Offset));
        Assert.AreEqual("unmeasured", diagnosis.Order!.Single().Outcome, "no membership event pairs the two clocks in these exports");
    }

    [TestMethod]
    public void Analyze_CsvFromTwoZonesTakenAsUtc_DoesNotGiveTheConversionDiagnosis()
    {
        // Read as UTC, NODE1's 412 (10:14 local) seems to come 24 minutes before NODE2's 609 (10:38 local).
        using var temp = ZonedCsv(node1: 1, node2: 2);
        var report = Engine.Instance.Analyze([temp.Path]);

        Assert.IsFalse(report.Diagnoses.Any(d => d.Rule == Strong));
        Assert.IsTrue(report.Clock!.Nodes.All(n => n.Source == "assumed"));
        Assert.AreEqual("taken as UTC (assumed) for NODE1", report.Inputs.First(i => i.Path.EndsWith("NODE1_Application.csv", StringComparison.Ordinal)).Clock);
    }

    [TestMethod]
    public void Analyze_CsvFromTwoZonesWithOneGlobalOffset_IsANearMiss()
    {
        // +01:00 is right for NODE1 only: NODE2's 609 lands at 09:38Z, after the 412 at 09:14Z.
        using var temp = ZonedCsv(node1: 1, node2: 2);
        var report = Engine.Instance.Analyze([temp.Path], new AnalyzeOptions { UtcOffsets = ["+01:00"] });

        Assert.IsFalse(report.Diagnoses.Any(d => d.Rule == Strong));
        Assert.IsTrue(report.Clock!.Nodes.All(n => n.Source == "given" && n.Offset == "+01:00"));
    }

    [TestMethod]
    public void Analyze_UtcOffsetOnInputsThatRecordUtc_ShiftsNothing()
    {
        var plain = Engine.Instance.Analyze([Engine.Sample("formats/KB293302/xml")]);
        var offset = Engine.Instance.Analyze([Engine.Sample("formats/KB293302/xml")], new AnalyzeOptions { UtcOffsets = ["+05:00"] });

        Assert.AreEqual(plain.Diagnoses.Single(d => d.Rule == Strong).Evidence.Select(e => e.Time).Aggregate((a, b) => a + b),
            offset.Diagnoses.Single(d => d.Rule == Strong).Evidence.Select(e => e.Time).Aggregate((a, b) => a + b));
        Assert.IsTrue(offset.Clock!.Nodes.All(n => n.Source == "log" && n.Offset is null));
        Assert.IsTrue(offset.Inputs.All(i => i.Clock == "UTC (recorded in the log)"));
    }

    [TestMethod]
    public void Analyze_BadUtcOffset_ThrowsBeforeReadingWithTheValue()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => Engine.Instance.Analyze([Engine.Sample("formats/KB293302/xml")], new AnalyzeOptions { UtcOffsets = ["+2"] }));
        StringAssert.Contains(e.Message, "--utc-offset '+2'");
    }

    // ---- the skew estimated from membership events ----

    [TestMethod]
    public void Analyze_MembershipEventsSeenFromBothSides_RecoverTheSkewWithinItsUncertainty()
    {
        // NODEB's clock is 97.3 s ahead. The link fails and comes back twice; each node logs each change within one
        // heartbeat interval (1.2 s, KB892422) of the other.
        var skew = TimeSpan.FromSeconds(97.3);
        var moments = new[] { "2007-02-12T08:00:00Z", "2007-02-12T08:03:10Z", "2007-02-12T08:40:00Z", "2007-02-12T08:41:30Z" }.Select(Utc).ToArray();
        var latencyA = new[] { 0.3, 1.1, 0.0, 0.9 };
        var latencyB = new[] { 1.2, 0.2, 0.8, 0.1 };
        var a = new StringBuilder();
        var b = new StringBuilder();
        for (var i = 0; i < moments.Length; i++)
        {
            var id = i % 2 == 0 ? 1123 : 1122;
            a.Append(Membership("NODEA", "NODEB", id, moments[i].AddSeconds(latencyA[i]), 100 + i));
            b.Append(Membership("NODEB", "NODEA", id, moments[i].AddSeconds(latencyB[i]) + skew, 200 + i));
        }

        using var temp = new TempFolder();
        temp.Write("NODEA_System.xml", Events(a.ToString()));
        temp.Write("NODEB_System.xml", Events(b.ToString()));
        var clock = Engine.Instance.Analyze([temp.Path]).Clock!;

        var pair = clock.Pairs.Single();
        Assert.AreEqual(("NODEA", "NODEB", 4), (pair.First, pair.Second, pair.Markers));
        Assert.IsTrue(Math.Abs(pair.Skew - 97.3) <= pair.Uncertainty, $"estimate {pair.Skew} ± {pair.Uncertainty} misses 97.3");
        Assert.IsTrue(pair.Uncertainty <= 2.4, $"four pairs narrow the uncertainty below one pair's 2.4 s, not {pair.Uncertainty}");
        Assert.HasCount(8, pair.Evidence);
        Assert.AreEqual("NODEA", clock.Reference);
        var nodeB = clock.Nodes.Single(n => n.Node == "NODEB");
        Assert.AreEqual((pair.Skew, true), (nodeB.Skew!.Value, nodeB.Corrected));
    }

    [TestMethod]
    public void Analyze_MembershipEventsOnDifferentNetworks_AreNotPaired()
    {
        // Near miss: the two nodes' markers name each other but on different networks, so they are not one moment.
        using var temp = new TempFolder();
        temp.Write("NODEA_System.xml", Events(Membership("NODEA", "NODEB", 1122, Utc("2007-02-12T08:00:00Z"), 1, network: "Private")));
        temp.Write("NODEB_System.xml", Events(Membership("NODEB", "NODEA", 1122, Utc("2007-02-12T08:00:40Z"), 2, network: "Public")));
        var clock = Engine.Instance.Analyze([temp.Path]).Clock!;

        Assert.IsEmpty(clock.Pairs);
        Assert.IsNull(clock.Reference);
        Assert.IsTrue(clock.Notes.Any(n => n.Contains("none of the same event and key", StringComparison.Ordinal)), string.Join(" | ", clock.Notes));
    }

    [TestMethod]
    public void Analyze_MembershipEventsFromOneSideOnly_EstimateNothingAndSaySo()
    {
        // A node that went down logs nothing: a 1123 seen from one side only measures no clock.
        using var temp = new TempFolder();
        temp.Write("NODEA_System.xml", Events(Membership("NODEA", "NODEB", 1123, Utc("2007-02-12T08:00:00Z"), 1)));
        var clock = Engine.Instance.Analyze([temp.Path]).Clock!;

        Assert.IsEmpty(clock.Pairs);
        StringAssert.Contains(clock.Notes.Single(), "no input has NODEB's markers naming NODEA");
    }

    // ---- the KB293302 order weighed against the skew ----

    [TestMethod]
    public void Analyze_OrderWithinTheEstimatedSkew_LowersTheConfidenceAndSaysWhy()
    {
        // NODEB reads 30 s ahead (± 2.4 s); corrected, its 609 is 1 s before NODEA's 412: either could be first.
        using var temp = OrderCase(the412At: "2007-02-12T10:05:02Z");
        var report = Engine.Instance.Analyze([temp.Path]);

        var diagnosis = report.Diagnoses.Single(d => d.Rule == Strong);
        Assert.AreEqual(0.6, diagnosis.Confidence, 1e-9);
        var order = diagnosis.Order!.Single();
        Assert.AreEqual(("ambiguous", "NODEB", "NODEA"), (order.Outcome, order.Before, order.After));
        Assert.AreEqual(1.0, order.Margin, 1e-9);
        Assert.AreEqual(2.4, order.Tolerance!.Value, 1e-9);
        StringAssert.Contains(order.Text, "either could have come first; confidence at most 0.6");
        Assert.IsTrue(order.DependsOnClockCorrection, "as read, the 412 is 29 s before the 609");
    }

    [TestMethod]
    public void Analyze_OrderThatHoldsOnlyOnCorrectedClocks_SaysItRestsOnTheCorrection()
    {
        // As read the 412 (10:05:20) is 11 s before the 609 (10:05:31); corrected, 19 s after it.
        using var temp = OrderCase(the412At: "2007-02-12T10:05:20Z");
        var report = Engine.Instance.Analyze([temp.Path]);

        // Not capped by the order: 0.5, + 0.15 NODEA is a cluster node (its ClusSvc events); no OS is known in these logs.
        var diagnosis = report.Diagnoses.Single(d => d.Rule == Strong);
        Assert.AreEqual(0.65, diagnosis.Confidence, 1e-9);
        var order = diagnosis.Order!.Single();
        Assert.AreEqual(("holds", true), (order.Outcome, order.DependsOnClockCorrection));
        StringAssert.Contains(order.Text, "this rests on the clock correction");
    }

    [TestMethod]
    public void Analyze_OrderReversedBeyondTheSkew_RulesTheDiagnosisOut()
    {
        // Corrected, the 412 (10:04:50) is 11 s before the 609 (10:05:01 on NODEA's clock): beyond ± 2.4 s.
        using var temp = OrderCase(the412At: "2007-02-12T10:04:50Z");
        var report = Engine.Instance.Analyze([temp.Path]);

        Assert.IsFalse(report.Diagnoses.Any(d => d.Rule == Strong));
        var ruledOut = report.RuledOut.Single(r => r.Rule == Strong);
        StringAssert.Contains(ruledOut.Reason, "does not hold: NODEA's event came 11 s before NODEB's");
        CollectionAssert.AreEquivalent(new[] { 412, 609 }, ruledOut.By.Select(e => e.EventId!.Value).ToArray());
    }

    // KB293302 on two nodes with XML logs: NODEB (upgraded) reads 30 s ahead of NODEA, measured by one 1122 pair.
    private static TempFolder OrderCase(string the412At)
    {
        var temp = new TempFolder();
        temp.Write("NODEA_System.xml", Events(Membership("NODEA", "NODEB", 1122, Utc("2007-02-12T10:00:00Z"), 10)));
        temp.Write("NODEB_System.xml", Events(Membership("NODEB", "NODEA", 1122, Utc("2007-02-12T10:00:30Z"), 20)));
        temp.Write("NODEA_Application.xml", Events(Event("ESENT", 412, 0, 2, Utc(the412At), "NODEA", "Application", ["wins", "1044", "-530"],
            "wins (1044) Unable to read the log header. Error -530.", 30)));
        temp.Write("NODEB_Application.xml", Events(Event("ESENT", 609, 0, 4, Utc("2007-02-12T10:05:31Z"), "NODEB", "Application", ["wins", "3432", @"Q:\wins\wins.mdb"],
            @"wins (3432) The database engine is initiating index cleanup of database 'Q:\wins\wins.mdb' as a result of a Windows version upgrade from 5.0.2195 SP4 to 5.2.3790 SP0.", 40)));
        return temp;
    }

    // The bundled KB293302 incident's modern CSV (written in UTC), rewritten as each node's local time.
    private static TempFolder ZonedCsv(int node1, int node2)
    {
        var temp = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Engine.Sample("formats/KB293302/csv")))
        {
            var hours = Path.GetFileName(file).StartsWith("NODE1", StringComparison.Ordinal) ? node1 : node2;
            var text = Regex.Replace(File.ReadAllText(file), @"(?<=^[A-Za-z]+,)(\d+/\d+/\d{4} \d+:\d\d:\d\d [AP]M)", m =>
                DateTime.ParseExact(m.Value, "M/d/yyyy h:mm:ss tt", CultureInfo.InvariantCulture).AddHours(hours).ToString("M/d/yyyy h:mm:ss tt", CultureInfo.InvariantCulture),
                RegexOptions.Multiline);
            temp.Write(Path.GetFileName(file), text);
        }

        return temp;
    }

    private static DateTime Utc(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static string Membership(string node, string peer, int id, DateTime time, long record, string network = "Private") =>
        Event("ClusSvc", id, id == 1122 ? 16384 : 32768, id == 1122 ? 4 : 3, time, node, "System", [peer, network],
            id == 1122 ? $"The node (re)established communication with cluster node '{peer}' on network '{network}'."
                       : $"The node lost communication with cluster node '{peer}' on network '{network}'.", record);

    private static string Event(string provider, int id, int qualifiers, int level, DateTime time, string computer, string channel, string[] data, string message, long record) =>
        $"<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"{provider}\"/><EventID Qualifiers=\"{qualifiers}\">{id}</EventID>" +
        $"<Level>{level}</Level><TimeCreated SystemTime=\"{time:yyyy-MM-ddTHH:mm:ss.fffffff}Z\"/><EventRecordID>{record}</EventRecordID><Channel>{channel}</Channel>" +
        $"<Computer>{computer}.corp.contoso.com</Computer></System><EventData>{string.Concat(data.Select(d => $"<Data>{System.Security.SecurityElement.Escape(d)}</Data>"))}</EventData>" +
        $"<RenderingInfo Culture=\"en-US\"><Message>{System.Security.SecurityElement.Escape(message)}</Message></RenderingInfo></Event>\n";

    private static string Events(string events) => $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>\n{events}</Events>\n";
}
