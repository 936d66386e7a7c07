using Diagnose.Core.Records;
using Diagnose.Ingest.Readers;

namespace Diagnose.Ingest.Tests;

[TestClass]
public sealed class JsonEventReaderTests
{
    [TestMethod]
    public void Read_GetWinEventArray_ReadsFieldsAndBothTimeForms()
    {
        var (records, summary) = TestInput.ReadFile(new JsonEventReader(), "get-winevent.json");

        Assert.HasCount(2, records);
        Assert.IsEmpty(summary.Problems);
        var failed = records[0];
        Assert.AreEqual(("ClusSvc", 1042, 0xC000, 2, 2050), (failed.Provider, failed.EventId, failed.Qualifiers, failed.Level, failed.Task));
        Assert.AreEqual(0x80000000000000UL, failed.Keywords);
        Assert.AreEqual(TestInput.Utc(2024, 3, 5, 9, 58, 14), failed.TimeUtc);
        Assert.AreEqual(90113L, failed.RecordNumber);
        Assert.AreEqual(("System", "NODEA.contoso.local"), (failed.Channel, failed.Computer));
        Assert.IsNull(failed.UserSid);
        Assert.IsNull(failed.ProviderGuid);
        CollectionAssert.AreEqual(new[] { new EventDataItem(null, "Microsoft Exchange Directory") }, failed.Data.ToArray());
        Assert.AreEqual("Cluster generic service 'Microsoft Exchange Directory' failed.", failed.Message);
        Assert.AreEqual(2, failed.Origin.Line);

        var scm = records[1];
        Assert.AreEqual(TestInput.Utc(2024, 3, 5, 9, 58, 15, 2_500_000), scm.TimeUtc);
        Assert.AreEqual(0x8080000000000000UL, scm.Keywords);
        Assert.AreEqual("S-1-5-18", scm.UserSid);
        Assert.AreEqual(Guid.Parse("555908d1-a6d7-4695-8e1e-26931d2012f4"), scm.ProviderGuid);
        Assert.AreEqual((612, 4412), (scm.ProcessId, scm.ThreadId));
        CollectionAssert.AreEqual(new[] { "Microsoft Exchange Directory", "stopped", "[77,0,83,0]" }, scm.Data.Select(d => d.Value).ToArray());
        Assert.AreEqual(27, scm.Origin.Line);
    }

    [TestMethod]
    public void Read_SingleObjectWithWrappedDateAndOffset_UsesUtcMilliseconds()
    {
        const string json = """
            {
              "Id": 3221225884,
              "ProviderName": "ESENT",
              "LevelDisplayName": "Error",
              "TimeCreated": { "value": "/Date(1709632692123+0100)/", "DateTime": "Tuesday, March 5, 2024 10:58:12 AM" },
              "Properties": [ { "Value": "wins" }, { "Value": 1044 }, { "Value": -530 } ]
            }
            """;

        var (records, summary) = TestInput.Read(new JsonEventReader(), json);

        var esent = records.Single();
        Assert.AreEqual((412, 0xC000, 2), (esent.EventId, esent.Qualifiers, esent.Level));
        Assert.AreEqual(TestInput.Utc(2024, 3, 5, 9, 58, 12, 1_230_000), esent.TimeUtc);
        CollectionAssert.AreEqual(new[] { "wins", "1044", "-530" }, esent.Data.Select(d => d.Value).ToArray());
        Assert.AreEqual(1, esent.Origin.Line);
        Assert.IsEmpty(summary.Problems);
    }

    [TestMethod]
    public void Read_DepthLimitedProperties_LeavesDataEmptyWithOneProblem()
    {
        const string json = """
            [
              { "Id": 412, "ProviderName": "ESENT", "Properties": [ "System.Diagnostics.Eventing.Reader.EventProperty", "System.Diagnostics.Eventing.Reader.EventProperty" ] },
              { "Id": 1002, "ProviderName": "MSExchangeDS", "Properties": [ "System.Diagnostics.Eventing.Reader.EventProperty" ] }
            ]
            """;

        var (records, summary) = TestInput.Read(new JsonEventReader(), json);

        Assert.HasCount(2, records);
        Assert.IsTrue(records.All(r => r.Data.Count == 0));
        var problem = summary.Problems.Single();
        Assert.Contains("ConvertTo-Json -Depth 4", problem.Message);
        Assert.AreEqual(0, summary.Skipped);
    }

    [TestMethod]
    public void Read_MalformedObject_KeepsEarlierRecordsAndReportsLine()
    {
        const string json = "[\n  { \"Id\": 412, \"ProviderName\": \"ESENT\" },\n  { \"Id\": 609, \"ProviderName\": \"ESENT\" },\n  { \"Id\": 1002 \"ProviderName\": \"MSExchangeDS\" },\n  { \"Id\": 1042, \"ProviderName\": \"ClusSvc\" }\n]";

        var (records, summary) = TestInput.Read(new JsonEventReader(), json);

        CollectionAssert.AreEqual(new[] { 412, 609 }, records.Select(r => r.EventId).ToArray());
        Assert.AreEqual(1, summary.Skipped);
        var problem = summary.Problems.Single();
        Assert.AreEqual(4, problem.Line);
        Assert.IsNotNull(problem.Column);
    }

    [TestMethod]
    public void Read_ObjectWithoutIdOrProvider_SkipsIt()
    {
        const string json = "[\n{ \"ProviderName\": \"ESENT\" },\n{ \"Id\": 7036 },\n{ \"Id\": 1042, \"ProviderName\": \"ClusSvc\" }\n]";

        var (records, summary) = TestInput.Read(new JsonEventReader(), json);

        Assert.AreEqual(1042, records.Single().EventId);
        Assert.AreEqual(2, summary.Skipped);
        CollectionAssert.AreEqual(new int?[] { 2, 3 }, summary.Problems.Select(p => p.Line).ToArray());
    }
}
