using System.Globalization;
using Diagnose.Core.Records;
using Diagnose.Simulation.Output;
using Newtonsoft.Json.Linq;

namespace Diagnose.Reports.Html.Tests;

/// <summary>
/// The timeline drawn on the clocks the rules used (README, "Time across nodes"): KB293302 on two nodes whose clocks
/// one ClusSvc 1122 pair measures (KB892422: both nodes log it within 2.4 s of each other). A node whose skew the
/// report's <c>clock</c> section corrected is drawn at its corrected times, the page says so, and every moved mark
/// keeps its logged time; a skew within its uncertainty moves nothing.
/// </summary>
[TestClass]
public sealed class CorrectedTimelineTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task AnalyzeHtml_NodeClockCorrected_DrawsItsEventsAtCorrectedTimesAndKeepsTheLoggedOnes()
    {
        // NODEB reads 30 s ahead: as logged its 609 (10:05:31) is 11 s after NODEA's 412 (10:05:20); corrected, 19 s before.
        var (json, page) = await Open("corrected", nodeBMarkerAt: "2007-02-12T10:00:30Z", the412At: "2007-02-12T10:05:20Z");
        await using var _ = page;

        var node = ((JArray)json["clock"]!["nodes"]!).Single(n => (string)n["node"]! == "NODEB");
        Assert.AreEqual((true, 30.0), ((bool)node["corrected"]!, (double)node["skew"]!));
        var evidence = ((JArray)json["diagnoses"]!).Single(d => (string)d["rule"]! == "KB293302.log-unreadable-after-upgrade-elsewhere")["evidence"]!;
        var upgraded = evidence.Single(e => (int?)e["eventId"] == 609);
        var failed = evidence.Single(e => (int?)e["eventId"] == 412);
        Assert.AreEqual("2007-02-12T10:05:31Z", (string)upgraded["time"]!, "the JSON keeps the log's own time");

        var moved = await Mark(page, upgraded);
        Assert.AreEqual(("2007-02-12T10:05:01Z", "2007-02-12T10:05:31Z"), (moved.Time, moved.Logged));
        StringAssert.Contains(moved.Title, "2007-02-12 10:05:01 UTC on the corrected clock (logged 2007-02-12 10:05:31 UTC)");
        var reference = await Mark(page, failed);
        Assert.AreEqual(((string)failed["time"]!, (string?)null), (reference.Time, reference.Logged), "the reference node's marks are not moved");
        Assert.IsLessThan(reference.X, moved.X, "corrected, the conversion is drawn before the failure, as the rules ordered them");

        var note = await page.Eval<string>("document.querySelector('[data-section=timeline] [data-clock=corrected]').textContent");
        StringAssert.Contains(note, "Times are UTC on corrected clocks");
        StringAssert.Contains(note, "NODEB's log times moved by -30 s (its measured skew against NODEA)");
    }

    [TestMethod]
    public async Task AnalyzeHtml_SkewWithinItsUncertainty_DrawsEveryEventAtItsLoggedTime()
    {
        // Near miss: NODEB reads 1.5 s ahead, within one marker pair's ± 2.4 s: not corrected, so nothing moves.
        var (json, page) = await Open("within", nodeBMarkerAt: "2007-02-12T10:00:01.5Z", the412At: "2007-02-12T10:05:40Z");
        await using var _ = page;

        Assert.IsFalse(((JArray)json["clock"]!["nodes"]!).Any(n => (bool)n["corrected"]!));
        var evidence = ((JArray)json["diagnoses"]!).Single(d => (string)d["rule"]! == "KB293302.log-unreadable-after-upgrade-elsewhere")["evidence"]!;
        foreach (var e in evidence.Where(e => e["time"] is not null))
        {
            var mark = await Mark(page, e);
            Assert.AreEqual(((string)e["time"]!, (string?)null), (mark.Time, mark.Logged));
            Assert.IsFalse(mark.Title.Contains("corrected clock", StringComparison.Ordinal), mark.Title);
        }

        Assert.IsTrue(await page.Eval<bool>("document.querySelector('[data-section=timeline] [data-clock=corrected]') === null"));
        StringAssert.Contains(await page.Eval<string>("document.querySelector('[data-section=timeline] [data-clock=zone]').textContent"), "Times are UTC, as each node recorded them.");
        StringAssert.Contains(await page.Eval<string>("document.querySelector('[data-section=timeline] [data-clock=skew]').textContent"), "no lane is moved");
    }

    private async Task<(JObject Json, WatchedPage Page)> Open(string name, string nodeBMarkerAt, string the412At)
    {
        var folder = Path.Combine(TestContext.TestResultsDirectory!, $"clock-{name}");
        Directory.CreateDirectory(folder);
        Write(folder, "NODEA_System.xml", Membership("NODEA", "NODEB", "2007-02-12T10:00:00Z", 10));
        Write(folder, "NODEB_System.xml", Membership("NODEB", "NODEA", nodeBMarkerAt, 20));
        Write(folder, "NODEA_Application.xml", Esent("NODEA", 412, 2, the412At, ["wins", "1044", "-530"], "wins (1044) Unable to read the log header. Error -530.", 30));
        Write(folder, "NODEB_Application.xml", Esent("NODEB", 609, 4, "2007-02-12T10:05:31Z", ["wins", "3432", @"Q:\wins\wins.mdb"],
            @"wins (3432) The database engine is initiating index cleanup of database 'Q:\wins\wins.mdb' as a result of a Windows version upgrade from 5.0.2195 SP4 to 5.2.3790 SP0.", 40));

        var (exit, output, err) = Incidents.Run("analyze", folder, "--format", "json");
        Assert.AreEqual(0, exit, err);
        var file = Path.Combine(TestContext.TestResultsDirectory!, $"report-clock-{name}.html");
        (exit, _, err) = Incidents.Run("analyze", folder, "--format", "html", "--out", file);
        Assert.AreEqual(0, exit, err);

        var page = await WatchedPage.OpenAsync();
        await page.Page.GoToAsync(new Uri(file).AbsoluteUri);
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(output)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return (JObject.Load(reader), page);
    }

    /// <summary>The evidence record's mark in the incident view: drawn time, logged time (null when not moved), tooltip and x.</summary>
    private static async Task<(string Time, string? Logged, string Title, double X)> Mark(WatchedPage page, JToken evidence)
    {
        var key = CliReportTests.Key(evidence);
        var found = $"[...document.querySelectorAll('[data-section=timeline] [data-view=incident] [data-kind=evidence]')].find(e => e.dataset.key === {Newtonsoft.Json.JsonConvert.ToString(key)})";
        var text = await page.Eval<string>($"(() => {{ const e = {found}; return e === undefined ? '' : [e.dataset.time, e.dataset.logged ?? '', e.querySelector('title').textContent, e.getAttribute('cx')].join('\\n'); }})()");
        var parts = text.Split('\n');
        Assert.HasCount(4, parts, $"no evidence mark with key {key}");
        return (parts[0], parts[1].Length == 0 ? null : parts[1], parts[2], double.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    private static void Write(string folder, string name, EventRecord record)
    {
        var path = Path.Combine(folder, name);
        using var stream = File.Create(path);
        new XmlLogWriter().Write(stream, [record with { Origin = new RecordOrigin(path) }]);
    }

    private static EventRecord Membership(string node, string peer, string time, long record) =>
        Record("ClusSvc", 1122, 16384, 4, time, node, "System", [peer, "Private"], $"The node (re)established communication with cluster node '{peer}' on network 'Private'.", record);

    private static EventRecord Esent(string node, int id, int level, string time, string[] data, string message, long record) =>
        Record("ESENT", id, 0, level, time, node, "Application", data, message, record);

    private static EventRecord Record(string provider, int id, int qualifiers, int level, string time, string node, string channel, string[] data, string message, long record) => new()
    {
        Provider = provider, EventId = id, Qualifiers = qualifiers, Level = level,
        TimeUtc = DateTime.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        RecordNumber = record, Channel = channel, Computer = $"{node}.corp.contoso.com",
        Data = data.Select(d => new EventDataItem(null, d)).ToList(), Message = message, Origin = new RecordOrigin(node),
    };
}
