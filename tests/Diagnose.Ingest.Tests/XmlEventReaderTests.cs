using System.Text;
using Diagnose.Core.Records;
using Diagnose.Ingest.Readers;

namespace Diagnose.Ingest.Tests;

[TestClass]
public sealed class XmlEventReaderTests
{
    private const string Ns = "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'";

    private static string Event(string provider, string eventId, string rest = "") =>
        $"<Event {Ns}><System><Provider Name='{provider}'/><EventID>{eventId}</EventID><Level>2</Level>" +
        $"<TimeCreated SystemTime='2024-03-05T09:58:12.0000000Z'/><Channel>Application</Channel><Computer>NODEA</Computer></System>{rest}</Event>";

    [TestMethod]
    public void Read_EventViewerExport_ReadsEsent412Completely()
    {
        var (records, summary) = TestInput.ReadFile(new XmlEventReader(), "exchange-node.xml");

        Assert.HasCount(5, records);
        Assert.AreEqual(0, summary.Skipped);
        Assert.IsEmpty(summary.Problems);
        var esent = records[0];
        Assert.AreEqual("ESENT", esent.Provider);
        Assert.AreEqual(412, esent.EventId);
        Assert.AreEqual(0xC000, esent.Qualifiers);
        Assert.AreEqual(0, esent.Version);
        Assert.AreEqual(2, esent.Level);
        Assert.AreEqual(3, esent.Task);
        Assert.AreEqual(0, esent.Opcode);
        Assert.AreEqual(0x80000000000000UL, esent.Keywords);
        Assert.AreEqual(TestInput.Utc(2024, 3, 5, 9, 58, 12, 1234567), esent.TimeUtc);
        Assert.AreEqual(DateTimeKind.Utc, esent.TimeUtc!.Value.Kind);
        Assert.AreEqual(48211L, esent.RecordNumber);
        Assert.AreEqual("Application", esent.Channel);
        Assert.AreEqual("NODEA.contoso.local", esent.Computer);
        Assert.AreEqual(0, esent.ProcessId);
        CollectionAssert.AreEqual(new[] { new EventDataItem(null, "wins"), new EventDataItem(null, "1044"), new EventDataItem(null, "-530") }, esent.Data.ToArray());
        Assert.AreEqual("wins (1044) Unable to read the log header. Error -530.", esent.Message);
        Assert.AreEqual(new RecordOrigin(TestInput.Source, null, 3), esent.Origin);

        Assert.AreEqual(609, records[1].EventId);
        Assert.AreEqual("-528", records[1].Data[2].Value);
        Assert.AreEqual(4, records[1].Origin.Line);
    }

    [TestMethod]
    public void Read_NamedDataAndBinary_KeepsNamesInOrderAndIgnoresBinary()
    {
        var (records, _) = TestInput.ReadFile(new XmlEventReader(), "exchange-node.xml");

        var scm = records[2];
        Assert.AreEqual("Service Control Manager", scm.Provider);
        Assert.AreEqual(Guid.Parse("555908d1-a6d7-4695-8e1e-26931d2012f4"), scm.ProviderGuid);
        Assert.AreEqual(7036, scm.EventId);
        Assert.AreEqual(0x4000, scm.Qualifiers);
        Assert.AreEqual(0x8080000000000000UL, scm.Keywords);
        Assert.AreEqual(612, scm.ProcessId);
        Assert.AreEqual(4412, scm.ThreadId);
        CollectionAssert.AreEqual(new[] { new EventDataItem("param1", "Microsoft Exchange Directory"), new EventDataItem("param2", "stopped") }, scm.Data.ToArray());

        var clussvc = records[3];
        Assert.AreEqual(("ClusSvc", 1042, 2050), (clussvc.Provider, clussvc.EventId, clussvc.Task));
        Assert.AreEqual("S-1-5-18", clussvc.UserSid);
        Assert.IsNull(clussvc.Message);
        Assert.AreEqual(TestInput.Utc(2024, 3, 5, 9, 58, 14), clussvc.TimeUtc);
        Assert.AreEqual("Microsoft Exchange Directory", clussvc.Data.Single().Value);
        Assert.AreEqual(TestInput.Utc(2024, 3, 5, 9, 58, 15, 1000), records[4].TimeUtc);
    }

    [TestMethod]
    public void Read_LegacyEventIdWithQualifierBits_MasksToLow16Bits()
    {
        var (records, _) = TestInput.Read(new XmlEventReader(), $"<Events>{Event("ESENT", "3221225884")}</Events>");

        Assert.AreEqual(412, records.Single().EventId);
        Assert.AreEqual(0xC000, records.Single().Qualifiers);
    }

    [TestMethod]
    public void Read_Utf16WithBomAndUtf8Declaration_DecodesByBom()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<Events>\r\n" +
                  Event("ClusSvc", "1024", "<EventData><Data>Microsoft Exchange Directory</Data><Data>Größe</Data></EventData>") + "\r\n</Events>\r\n";
        foreach (var bigEndian in new[] { false, true })
        {
            var (records, session) = TestInput.Ingest(TestInput.Bytes(xml, new UnicodeEncoding(bigEndian, byteOrderMark: true)));

            Assert.AreEqual("xml", session.Inputs.Single().Format);
            var record = records.Single();
            Assert.AreEqual(("ClusSvc", 1024, 3), (record.Provider, record.EventId, record.Origin.Line));
            Assert.AreEqual("Größe", record.Data[1].Value);
        }
    }

    [TestMethod]
    public void Read_BareEventSequenceWithoutRoot_ReadsEveryEvent()
    {
        var xml = Event("ESENT", "412") + Event("ESENT", "609") + "\n" + Event("MSExchangeDS", "1002") + "\n";

        var (records, summary) = TestInput.Read(new XmlEventReader(), xml);

        CollectionAssert.AreEqual(new[] { 412, 609, 1002 }, records.Select(r => r.EventId).ToArray());
        CollectionAssert.AreEqual(new int?[] { 1, 1, 2 }, records.Select(r => r.Origin.Line).ToArray());
        Assert.IsEmpty(summary.Problems);
    }

    [TestMethod]
    public void Read_RenderingInfo_TakesMessageFromIt()
    {
        var xml = Event("ClusSvc", "1042", "<EventData><Data>Microsoft Exchange Directory</Data></EventData>" +
            "<RenderingInfo Culture='en-US'><Message>Cluster generic service 'Microsoft Exchange Directory' failed.</Message><Level>Error</Level></RenderingInfo>");

        var (records, _) = TestInput.Read(new XmlEventReader(), xml);

        Assert.AreEqual("Cluster generic service 'Microsoft Exchange Directory' failed.", records.Single().Message);
    }

    [TestMethod]
    public void Read_UserData_FlattensLeafElementsInOrder()
    {
        var xml = $"<Event {Ns}><System><Provider EventSourceName='ClusSvc'/><EventID Qualifiers='32768'>1069</EventID></System>" +
                  "<UserData><EventXML xmlns='urn:clussvc'><ResourceName>Disk Q:</ResourceName><Detail><Group>Cluster Group</Group></Detail><Code>5</Code></EventXML></UserData></Event>";

        var record = TestInput.Read(new XmlEventReader(), xml).Records.Single();

        Assert.AreEqual("ClusSvc", record.Provider);
        Assert.AreEqual(0x8000, record.Qualifiers);
        Assert.AreEqual(0, record.Level);
        CollectionAssert.AreEqual(
            new[] { new EventDataItem("ResourceName", "Disk Q:"), new EventDataItem("Group", "Cluster Group"), new EventDataItem("Code", "5") },
            record.Data.ToArray());
    }

    [TestMethod]
    public void Read_NineFractionalDigits_KeepsTicks()
    {
        var xml = $"<Event {Ns}><System><Provider Name='ESENT'/><EventID>412</EventID><TimeCreated SystemTime='2024-03-05T09:58:12.123456789Z'/></System></Event>";

        Assert.AreEqual(TestInput.Utc(2024, 3, 5, 9, 58, 12, 1234567), TestInput.Read(new XmlEventReader(), xml).Records.Single().TimeUtc);
    }

    [TestMethod]
    public void Read_TruncatedFile_KeepsEarlierEventsAndReportsLine()
    {
        var xml = "<Events>\n" + Event("ESENT", "412") + "\n" + Event("ESENT", "609") + "\n" + $"<Event {Ns}><System><Provider Name='ClusSvc'/><EventID>10";

        var (records, summary) = TestInput.Read(new XmlEventReader(), xml);

        Assert.HasCount(2, records);
        Assert.AreEqual(1, summary.Skipped);
        var problem = summary.Problems.Single();
        Assert.AreEqual(4, problem.Line);
        Assert.IsNotNull(problem.Column);
        Assert.Contains("line 4", problem.Message);
    }

    [TestMethod]
    public void Read_EventWithoutProvider_SkipsItWithItsLine()
    {
        var xml = "<Events>\n" + Event("ESENT", "412") + "\n" + $"<Event {Ns}><System><EventID>1</EventID></System></Event>\n" + Event("ClusSvc", "1042") + "\n</Events>";

        var (records, summary) = TestInput.Read(new XmlEventReader(), xml);

        CollectionAssert.AreEqual(new[] { 412, 1042 }, records.Select(r => r.EventId).ToArray());
        Assert.AreEqual(1, summary.Skipped);
        Assert.AreEqual(3, summary.Problems.Single().Line);
    }

    [TestMethod]
    public void Read_WhiteSpaceBeforeDeclaration_ReadsWithTrueLines()
    {
        var xml = "\r\n\r\n   <?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>\n" + Event("ESENT", "412") + "\n" + Event("ClusSvc", "1042") + "\n<Event>";

        var (records, summary) = TestInput.Read(new XmlEventReader(), xml);

        CollectionAssert.AreEqual(new int?[] { 5, 6 }, records.Select(r => r.Origin.Line).ToArray());
        Assert.AreEqual(1, summary.Skipped);
        Assert.AreEqual(7, summary.Problems.Single().Line);
    }
}
