using Diagnose.Core.Inputs;
using Diagnose.Ingest.Readers;

namespace Diagnose.Ingest.Tests;

[TestClass]
public sealed class CsvEventReaderTests
{
    private const string Header = "Level,Date and Time,Source,Event ID,Task Category\r\n";

    [TestMethod]
    public void Read_EventViewerCsv_ReadsRowsWithMultiLineMessage()
    {
        var (records, summary) = TestInput.ReadFile(new CsvEventReader(), "application.csv");

        Assert.HasCount(3, records);
        var esent = records[0];
        Assert.AreEqual(("ESENT", 412, 2, 2), (esent.Provider, esent.EventId, esent.Level, esent.Origin.Line));
        Assert.AreEqual(TestInput.Utc(2024, 3, 5, 9, 58, 12), esent.TimeUtc);
        Assert.AreEqual("wins (1044) Unable to read the log header. Error -530.", esent.Message);
        Assert.IsNull(esent.Task);
        Assert.IsNull(esent.RecordNumber);
        Assert.IsEmpty(esent.Data);

        var ds = records[1];
        Assert.AreEqual(("MSExchangeDS", 1002, 1, 3), (ds.Provider, ds.EventId, ds.Task, ds.Origin.Line));
        Assert.AreEqual("Microsoft Exchange Directory could not start.\n\nError -528 occurred while initializing the \"Directory\" database.", ds.Message);

        Assert.AreEqual(("Microsoft-Windows-Winlogon", 7001, 4, 6), (records[2].Provider, records[2].EventId, records[2].Level, records[2].Origin.Line));
        Assert.AreEqual(0, summary.Skipped);
        Assert.HasCount(2, summary.Problems);
        Assert.Contains("taken as UTC", summary.Problems.Single(p => p.Message.Contains("time zone")).Message);
        Assert.Contains("no Computer column", summary.Problems.Single(p => p.Message.Contains("Computer")).Message);
        Assert.IsNull(esent.Computer, "the test source's file name names no node");
    }

    [TestMethod]
    public void Read_ModernCsvNamedAfterItsNode_TakesTheNodeFromTheFileName()
    {
        var csv = Header + "Error,4/15/1999 10:32:11 AM,ClusSvc,1042,(2050),\"Cluster generic service 'Microsoft Exchange Directory' failed.\"\r\n";
        var summary = new InputSummary("cases/4711/EXNODEA_System.csv");
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        var record = new CsvEventReader().Read(stream, new ReadContext("cases/4711/EXNODEA_System.csv", summary)).Single();

        Assert.AreEqual("EXNODEA", record.Computer);
        Assert.Contains("node 'EXNODEA'", summary.Problems.Single(p => p.Message.Contains("Computer")).Message);
    }

    [TestMethod]
    public void Read_LegacyHeaderlessCsv_ReadsComputerAndCategory()
    {
        var (records, summary) = TestInput.ReadFile(new CsvEventReader(), "legacy-system.csv");

        Assert.HasCount(4, records);
        var failed = records[0];
        Assert.AreEqual(("ClusSvc", 1042, 2, 2050), (failed.Provider, failed.EventId, failed.Level, failed.Task));
        Assert.AreEqual("NODEA", failed.Computer);
        Assert.AreEqual(TestInput.Utc(2024, 3, 5, 9, 58, 14), failed.TimeUtc);
        Assert.AreEqual("Cluster generic service 'Microsoft Exchange Directory' failed.", failed.Message);
        Assert.AreEqual(1, failed.Origin.Line);
        Assert.AreEqual((1024, 3), (records[1].EventId, records[1].Level));
        Assert.StartsWith("The registry checkpoint for cluster resource 'Microsoft Exchange Directory'", records[1].Message!);
        Assert.AreEqual(("EventLog", 6005, "NODEB", 4), (records[3].Provider, records[3].EventId, records[3].Computer, records[3].Origin.Line));
        Assert.IsNull(records[2].UserSid);
        Assert.HasCount(1, summary.Problems);
    }

    [TestMethod]
    public void Read_LegacyCsvWithHeader_MatchesColumnsByName()
    {
        const string csv = "Date,Time,Source,Type,Category,Event,User,Computer,Description\n" +
                           "3/5/2024,9:58:20 AM,ClusSvc,Warning,(2050),1024,S-1-5-18,NODEA,\"checkpoint, not restored\"\n" +
                           "3/5/2024,9:58:21 AM,Security,Audit Failure,Logon/Logoff,529,S-1-5-18,NODEA,Logon failure\n";

        var (records, summary) = TestInput.Read(new CsvEventReader(), csv);

        Assert.HasCount(2, records);
        Assert.AreEqual(("ClusSvc", 1024, 3, "NODEA", "S-1-5-18"), (records[0].Provider, records[0].EventId, records[0].Level, records[0].Computer, records[0].UserSid));
        Assert.AreEqual("checkpoint, not restored", records[0].Message);
        Assert.AreEqual(2, records[0].Origin.Line);
        Assert.AreEqual((529, 0), (records[1].EventId, records[1].Level));
        Assert.AreEqual(0, summary.Skipped);
    }

    [TestMethod]
    public void Read_IsoAndSortableDates_TakenAsUtc()
    {
        var csv = Header + "Critical,2024-03-05 09:58:12,ClusSvc,1135,None,Cluster node 'NODEB' was removed.\r\n" +
                  "Verbose,2024-03-05T09:58:13.5+01:00,ClusSvc,1,None,x\r\n";

        var (records, summary) = TestInput.Read(new CsvEventReader(), csv);

        Assert.AreEqual(TestInput.Utc(2024, 3, 5, 9, 58, 12), records[0].TimeUtc);
        Assert.AreEqual(1, records[0].Level);
        Assert.AreEqual(TestInput.Utc(2024, 3, 5, 8, 58, 13, 5_000_000), records[1].TimeUtc);
        Assert.AreEqual(5, records[1].Level);
        Assert.AreEqual(1, summary.Problems.Count(p => p.Message.Contains("time zone")));
    }

    [TestMethod]
    public void Read_BrokenQuoteInMiddle_SkipsOnlyThatRow()
    {
        var broken = "Error,3/5/2024 9:59:40 AM,MSExchangeDS,1002,(1),\"Error -528 starting the directory.";
        var csv = Header + "Error,3/5/2024 9:58:12 AM,ESENT,412,(3),\"wins (1044) Unable to read the log header. Error -530.\"\r\n" +
                  broken + "\r\n" + "Error,3/5/2024 9:59:41 AM,ClusSvc,1042,(2050),Cluster generic service 'Microsoft Exchange Directory' failed.\r\n";

        var (records, summary) = TestInput.Read(new CsvEventReader(), csv);

        CollectionAssert.AreEqual(new[] { 412, 1042 }, records.Select(r => r.EventId).ToArray());
        CollectionAssert.AreEqual(new int?[] { 2, 4 }, records.Select(r => r.Origin.Line).ToArray());
        Assert.AreEqual(1, summary.Skipped);
        var problem = summary.Problems.Single(p => p.Line == 3);
        Assert.AreEqual(broken.IndexOf('"') + 1, problem.Column);
        Assert.Contains("never closed", problem.Message);
    }

    [TestMethod]
    public void Read_BrokenQuoteAtEnd_SkipsLastRow()
    {
        var csv = Header + "Error,3/5/2024 9:58:12 AM,ESENT,412,(3),ok\r\nError,3/5/2024 9:59:40 AM,MSExchangeDS,1002,(1),\"Error -528\r\nstill open";

        var (records, summary) = TestInput.Read(new CsvEventReader(), csv);

        Assert.AreEqual(412, records.Single().EventId);
        Assert.AreEqual(1, summary.Skipped);
        Assert.AreEqual(3, summary.Problems.Single(p => p.Message.Contains("never closed")).Line);
    }

    [TestMethod]
    public void Read_NonNumericEventIdAndWrongFieldCount_SkipsWithPosition()
    {
        var csv = Header + "Error,3/5/2024 9:58:12 AM,ESENT,four-twelve,(3),x\r\n" +
                  "Error,3/5/2024 9:58:12 AM,ESENT,412\r\n" +
                  "Warning,3/5/2024 9:58:20 AM,ClusSvc,1024,(64),checkpoint\r\n";

        var (records, summary) = TestInput.Read(new CsvEventReader(), csv);

        Assert.AreEqual(1024, records.Single().EventId);
        Assert.AreEqual(2, summary.Skipped);
        var badId = summary.Problems.Single(p => p.Message.Contains("four-twelve"));
        Assert.AreEqual((2, 33), (badId.Line, badId.Column));
        var badCount = summary.Problems.Single(p => p.Message.Contains("expected 6 fields, found 4"));
        Assert.AreEqual(3, badCount.Line);
    }
}
