using System.Text;
using Diagnose.Ingest.Readers;

namespace Diagnose.Ingest.Tests;

[TestClass]
public sealed class LogIngesterTests
{
    private string _folder = "";

    [TestInitialize]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "diagnose-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public void Read_FolderWithMixedFormats_ReadsEachByContent()
    {
        var session = new IngestSession();

        var records = new LogIngester().Read([Path.Combine(AppContext.BaseDirectory, "Data")], session).ToList();

        var formats = session.Inputs.ToDictionary(i => Path.GetFileName(i.Path), i => (i.Format, i.Records, i.Skipped));
        Assert.AreEqual(("csv", 3L, 0L), formats["application.csv"]);
        Assert.AreEqual(("xml", 5L, 0L), formats["exchange-node.xml"]);
        Assert.AreEqual(("json", 2L, 0L), formats["get-winevent.json"]);
        Assert.AreEqual(("csv", 4L, 0L), formats["legacy-system.csv"]);
        Assert.AreEqual(("snapshot", 1L, 0L), formats["snapshot.json"]);
        Assert.AreEqual(("text", 4L, 0L), formats["ticket.txt"]);
        Assert.HasCount(18, records);
        Assert.AreEqual("CLUSTER1", session.Snapshots.Single().Cluster);
        Assert.IsTrue(session.Inputs.All(i => !i.Unreadable));
    }

    [TestMethod]
    public void Read_MisleadingExtensions_DetectsByContent()
    {
        File.Copy(TestInput.DataPath("exchange-node.xml"), Path.Combine(_folder, "events.csv"));
        File.Copy(TestInput.DataPath("get-winevent.json"), Path.Combine(_folder, "notes.txt"));
        File.Copy(TestInput.DataPath("ticket.txt"), Path.Combine(_folder, "export.xml"));
        var session = new IngestSession();

        var records = new LogIngester().Read([_folder], session).ToList();

        Assert.AreEqual("xml", session.Inputs.Single(i => i.Path.EndsWith("events.csv", StringComparison.Ordinal)).Format);
        Assert.AreEqual("json", session.Inputs.Single(i => i.Path.EndsWith("notes.txt", StringComparison.Ordinal)).Format);
        Assert.AreEqual("text", session.Inputs.Single(i => i.Path.EndsWith("export.xml", StringComparison.Ordinal)).Format);
        Assert.HasCount(11, records);
    }

    [TestMethod]
    public void Read_MissingPathAmongGoodOnes_ReportsItAndReadsTheRest()
    {
        var missing = Path.Combine(_folder, "no-such-file.evtx");
        var session = new IngestSession();

        var records = new LogIngester().Read([missing, TestInput.DataPath("legacy-system.csv")], session).ToList();

        Assert.HasCount(4, records);
        var summary = session.Inputs[0];
        Assert.AreEqual(missing, summary.Path);
        Assert.IsTrue(summary.Unreadable);
        Assert.AreEqual("no such file or folder", summary.Problems.Single().Message);
    }

    [TestMethod]
    public void Read_OneBadEventPerFormat_RecordsPlusSkippedEqualsEvents()
    {
        const string ns = "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'";
        File.WriteAllText(Path.Combine(_folder, "a"), $"<Events>\n<Event {ns}><System><Provider Name='ESENT'/><EventID>412</EventID></System></Event>\n" +
            $"<Event {ns}><System><EventID>609</EventID></System></Event>\n<Event {ns}><System><Provider Name='ClusSvc'/><EventID>1042</EventID></System></Event>\n</Events>");
        File.WriteAllText(Path.Combine(_folder, "b"), "Level,Date and Time,Source,Event ID,Task Category\nError,3/5/2024 9:58:12 AM,ESENT,412,(3),a\n" +
            "Error,3/5/2024 9:58:12 AM,ESENT,x412,(3),b\nError,3/5/2024 9:58:12 AM,ClusSvc,1042,(2050),\"c\n");
        File.WriteAllText(Path.Combine(_folder, "c"), "[{\"Id\":412,\"ProviderName\":\"ESENT\"},{\"Id\":609},{\"Id\":1042,\"ProviderName\":\"ClusSvc\"}]");
        File.WriteAllText(Path.Combine(_folder, "d"), "Event ID: 412\nSource: esent\n\nEvent ID: 1002\nType: Error\n\nEvent ID: 1042\nSource: ClusSvc\n");
        var session = new IngestSession();

        var records = new LogIngester().Read([_folder], session).ToList();

        Assert.HasCount(4, session.Inputs);
        CollectionAssert.AreEqual(new[] { "xml", "csv", "json", "text" }, session.Inputs.Select(i => i.Format).ToArray());
        foreach (var input in session.Inputs)
        {
            Assert.AreEqual(3L, input.Records + input.Skipped, input.Path);
            Assert.IsGreaterThanOrEqualTo(1L, input.Skipped, input.Path);
        }

        Assert.HasCount(session.Inputs.Sum(i => (int)i.Records), records);
    }

    [TestMethod]
    public void ReadStream_EmptyRandomAndEvtx_ReportedUnreadable()
    {
        var random = new byte[20000];
        new Random(7).NextBytes(random);
        var evtx = new byte[4096];
        "ElfFile\0"u8.CopyTo(evtx);

        foreach (var (bytes, format, text) in new[] { (Array.Empty<byte>(), "unknown", "empty"), (random, "unknown", "binary data"), (evtx, "evtx", "file header checksum mismatch") })
        {
            var (records, session) = TestInput.Ingest(bytes);

            Assert.IsEmpty(records);
            var summary = session.Inputs.Single();
            Assert.AreEqual(format, summary.Format);
            Assert.IsTrue(summary.Unreadable);
            Assert.IsTrue(summary.Problems.Any(p => p.Message.Contains(text, StringComparison.Ordinal)), string.Join("; ", summary.Problems));
        }
    }

    [TestMethod]
    public void ReadStream_Snapshot_AddsItToTheSession()
    {
        var (records, session) = TestInput.Ingest(File.ReadAllBytes(TestInput.DataPath("snapshot.json")), "snapshot.json");

        Assert.IsEmpty(records);
        Assert.AreEqual("snapshot.json", session.Snapshots.Single().Source);
        Assert.AreEqual(("snapshot", 1L), (session.Inputs.Single().Format, session.Inputs.Single().Records));
    }

    [TestMethod]
    public void Read_CancelledToken_Throws()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsExactly<OperationCanceledException>(() => new LogIngester().Read([TestInput.DataPath("ticket.txt")], new IngestSession(), cancel.Token).ToList());
    }

    [TestMethod]
    public void Read_LargeInputs_StreamsWithoutReadingEverything()
    {
        var json = new StringBuilder("[");
        var xml = new StringBuilder("<Events>");
        var csv = new StringBuilder("Level,Date and Time,Source,Event ID,Task Category\n");
        var text = new StringBuilder();
        for (var i = 0; i < 30000; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"Id\":7036,\"ProviderName\":\"Service Control Manager\",\"Message\":\"The Browser service entered the running state.\"}\n");
            xml.Append("<Event><System><Provider Name='Service Control Manager'/><EventID>7036</EventID></System></Event>\n");
            csv.Append("Information,3/5/2024 10:00:00 AM,Service Control Manager,7036,None,The Browser service entered the running state.\n");
            text.Append("Event ID: 7036\nSource: Service Control Manager\nDescription: The Browser service entered the running state.\n\n");
        }

        foreach (var (reader, content) in new (IEventReader, StringBuilder)[] { (new JsonEventReader(), json.Append(']')), (new XmlEventReader(), xml.Append("</Events>")), (new CsvEventReader(), csv), (new TextEventReader(), text) })
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content.ToString()));
            var summary = new Core.Inputs.InputSummary("big");

            var first = reader.Read(stream, new ReadContext("big", summary)).First();

            Assert.AreEqual(7036, first.EventId);
            Assert.IsGreaterThan(2_000_000L, stream.Length, reader.Format);
            Assert.IsLessThan(200_000L, stream.Position, reader.Format);
        }
    }

    [TestMethod]
    public void ReadStream_BomEncodedTextAndCsv_DecodesAccordingly()
    {
        var ticket = File.ReadAllText(TestInput.DataPath("ticket.txt"));
        var csv = File.ReadAllText(TestInput.DataPath("application.csv"));

        var (textRecords, textSession) = TestInput.Ingest(TestInput.Bytes(ticket, new UnicodeEncoding(bigEndian: false, byteOrderMark: true)));
        var (csvRecords, csvSession) = TestInput.Ingest(TestInput.Bytes(csv, new UTF8Encoding(true)));

        Assert.AreEqual("text", textSession.Inputs.Single().Format);
        CollectionAssert.AreEqual(new[] { 1042, 1024, 1002, 412 }, textRecords.Select(r => r.EventId).ToArray());
        Assert.AreEqual("csv", csvSession.Inputs.Single().Format);
        Assert.AreEqual("ESENT", csvRecords[0].Provider);
        Assert.HasCount(3, csvRecords);
    }
}
