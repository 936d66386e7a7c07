using Diagnose.Ingest.Readers;

namespace Diagnose.Ingest.Tests;

[TestClass]
public sealed class TextEventReaderTests
{
    [TestMethod]
    public void Read_TicketWithLogHeaders_ReadsEveryEventWithItsChannel()
    {
        var (records, summary) = TestInput.ReadFile(new TextEventReader(), "ticket.txt");

        Assert.HasCount(4, records);
        Assert.AreEqual(0, summary.Skipped);

        var failed = records[0];
        Assert.AreEqual(("ClusSvc", 1042, 2, 2050, "System", 7), (failed.Provider, failed.EventId, failed.Level, failed.Task, failed.Channel, failed.Origin.Line));
        Assert.AreEqual("Cluster generic service 'Microsoft Exchange Directory' failed.", failed.Message);
        Assert.IsNull(failed.RecordNumber);
        Assert.IsNull(failed.TimeUtc);

        var checkpoint = records[1];
        Assert.AreEqual(("ClusSvc", 1024, 3, 64, "System", 14), (checkpoint.Provider, checkpoint.EventId, checkpoint.Level, checkpoint.Task, checkpoint.Channel, checkpoint.Origin.Line));
        Assert.AreEqual("NODEA", checkpoint.Computer);
        Assert.AreEqual(TestInput.Utc(2024, 3, 5, 9, 58, 20), checkpoint.TimeUtc);
        Assert.AreEqual("The registry checkpoint for cluster resource 'Microsoft Exchange Directory' could not be restored\n" +
                        "to registry key HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\MSExchangeDS.", checkpoint.Message);

        var ds = records[2];
        Assert.AreEqual(("MSExchangeDS", 1002, "Application", 26), (ds.Provider, ds.EventId, ds.Channel, ds.Origin.Line));
        Assert.AreEqual("Error -528 starting the Microsoft Exchange Directory.", ds.Message);

        var esent = records[3];
        Assert.AreEqual(("esent", 412, 2, "Application", 31), (esent.Provider, esent.EventId, esent.Level, esent.Channel, esent.Origin.Line));
        Assert.AreEqual("wins (1044) Unable to read the log header. Error -530.", esent.Message);
        Assert.Contains("taken as UTC", summary.Problems.Single().Message);
    }

    [TestMethod]
    public void Read_QuotedKbStyleWithoutColon_ReadsEvents()
    {
        const string text = """
            > Event ID: 412
            > Type: Error
            > Source: esent
            > Description: wins (1044) Unable to read the log header. Error -530.
            >
            >   event id 1024
            >   SOURCE: ClusSvc
            >   Log: System
            """;

        var (records, summary) = TestInput.Read(new TextEventReader(), text);

        Assert.HasCount(2, records);
        Assert.AreEqual(("esent", 412, 1), (records[0].Provider, records[0].EventId, records[0].Origin.Line));
        Assert.IsNull(records[0].Channel);
        Assert.AreEqual(("ClusSvc", 1024, 6, "System", 0), (records[1].Provider, records[1].EventId, records[1].Origin.Line, records[1].Channel, records[1].Level));
        Assert.IsEmpty(summary.Problems);
    }

    [TestMethod]
    public void Read_Windows2000PropertiesCopy_FieldsBeforeEventIdBelongToIt()
    {
        const string text = "Event Type:\tError\nEvent Source:\tClusSvc\nEvent Category:\tNone\nEvent ID:\t1069\nDate:\t\t3/5/2024\nTime:\t\t9:58:30 AM\n" +
                            "User:\t\tN/A\nComputer:\tNODEA\nDescription:\nCluster resource 'Disk Q:' failed.\n\n" +
                            "Event Type:\tInformation\nEvent Source:\tClusSvc\nEvent Category:\tNone\nEvent ID:\t1201\nDate:\t\t3/5/2024\nTime:\t\t9:59:00 AM\n" +
                            "User:\t\tN/A\nComputer:\tNODEB\nDescription:\nThe Cluster Service brought the Resource Group \"EXCHANGE\" online.\n";

        var (records, _) = TestInput.Read(new TextEventReader(), text);

        Assert.HasCount(2, records);
        Assert.AreEqual(("ClusSvc", 1069, 2, 4, "NODEA"), (records[0].Provider, records[0].EventId, records[0].Level, records[0].Origin.Line, records[0].Computer));
        Assert.AreEqual(TestInput.Utc(2024, 3, 5, 9, 58, 30), records[0].TimeUtc);
        Assert.IsNull(records[0].Task);
        Assert.AreEqual(("ClusSvc", 1201, 4, 15, "NODEB"), (records[1].Provider, records[1].EventId, records[1].Level, records[1].Origin.Line, records[1].Computer));
        Assert.AreEqual("The Cluster Service brought the Resource Group \"EXCHANGE\" online.", records[1].Message);
    }

    [TestMethod]
    public void Read_EventWithoutSource_SkipsItWithItsLine()
    {
        const string text = "Event ID: 1042\nType: Error\nDescription: no source here\n\nEvent ID: 1024\nSource: ClusSvc\n";

        var (records, summary) = TestInput.Read(new TextEventReader(), text);

        Assert.AreEqual(1024, records.Single().EventId);
        Assert.AreEqual(1, summary.Skipped);
        Assert.AreEqual(1, summary.Problems.Single().Line);
    }
}
