using Diagnose.Core.Records;
using Diagnose.Ingest;
using Diagnose.Simulation.Output;
using Diagnose.Simulation.Scenarios;

namespace Diagnose.Simulation.Tests;

/// <summary>
/// A simulated run written as Get-WinEvent JSON is recognised as <c>json</c> by content and reads back, record for
/// record, as the same run written as Event Viewer XML: provider, ID, qualifiers, level, time to 100 ns, number,
/// log, computer, insertion strings and message.
/// </summary>
[TestClass]
public sealed class GetWinEventJsonLogWriterTests
{
    [TestMethod]
    public void Write_SimulatedRun_ReadsBackAsTheSameRecordsAsEventViewerXml()
    {
        using var temp = new TempFolder();
        var run = Shared.Scenarios.Find("KB293302")!.Run(new ScenarioOptions(7, Nodes: 3, Noise: 20));
        var xmlFiles = SimulationOutput.Write(run, temp.Sub("xml"), new XmlLogWriter()).Where(f => f.EndsWith(".xml", StringComparison.Ordinal)).ToList();
        var jsonFiles = SimulationOutput.Write(run, temp.Sub("json"), new GetWinEventJsonLogWriter()).Where(f => !f.EndsWith("snapshot.json", StringComparison.Ordinal)).ToList();

        var (fromXml, xmlSession) = Read(xmlFiles);
        var (fromJson, jsonSession) = Read(jsonFiles);

        Assert.IsTrue(jsonSession.Inputs.All(i => i.Format == "json" && i.Problems.Count == 0), string.Join("; ", jsonSession.Inputs.Select(i => $"{i.Path}: {i.Format} {string.Join(", ", i.Problems)}")));
        Assert.IsTrue(xmlSession.Inputs.All(i => i.Format == "xml"));
        Assert.IsGreaterThan(50, fromXml.Count, "a run with noise on three nodes");
        Assert.IsTrue(fromJson.Any(r => r.Data.Count > 0 && r.TimeUtc!.Value.Ticks % TimeSpan.TicksPerMillisecond != 0), "some record has insertion strings and sub-millisecond time");
        CollectionAssert.AreEqual(fromXml.Select(Key).ToList(), fromJson.Select(Key).ToList());
    }

    [TestMethod]
    public void Write_KeywordsAboveTheSignedRange_WritesThemAsPowerShellDoesAndReadsThemBack()
    {
        var record = new EventRecord
        {
            Provider = "Service Control Manager", EventId = 7036, Qualifiers = 16384, Level = 4,
            Keywords = 0x8080000000000000UL, TimeUtc = new DateTime(2024, 3, 5, 9, 58, 15, DateTimeKind.Utc),
            Computer = "NODEA", Channel = "System", UserSid = "S-1-5-18", Origin = new RecordOrigin("NODEA_System.evtx"), Data = [new EventDataItem(null, "Cluster Service"), new EventDataItem(null, "running")],
        };
        using var stream = new MemoryStream();
        new GetWinEventJsonLogWriter().Write(stream, [record]);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        StringAssert.Contains(text, "-9187343239835811840");
        var session = new IngestSession();
        var read = new LogIngester().ReadStream(new MemoryStream(stream.ToArray()), "NODEA_System.json", session).Single();
        Assert.AreEqual((0x8080000000000000UL, "S-1-5-18", "json"), (read.Keywords, read.UserSid, session.Inputs.Single().Format));
        CollectionAssert.AreEqual(new[] { "Cluster Service", "running" }, read.Data.Select(d => d.Value).ToArray());
    }

    private static (List<EventRecord> Records, IngestSession Session) Read(IReadOnlyList<string> files)
    {
        var session = new IngestSession();
        var records = new LogIngester().Read(files.Order(StringComparer.Ordinal), session).ToList();
        return (records, session);
    }

    private static string Key(EventRecord r) =>
        $"{r.Provider}|{r.EventId}|{r.Qualifiers}|{r.Level}|{r.TimeUtc:O}|{r.RecordNumber}|{r.Channel}|{r.Computer}|{string.Join("\u001f", r.Data.Select(d => d.Value))}|{r.Message}";
}
