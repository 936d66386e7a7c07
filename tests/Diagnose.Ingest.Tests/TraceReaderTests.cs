using Diagnose.Core.Records;
using Diagnose.Ingest.Readers;

namespace Diagnose.Ingest.Tests;

/// <summary>
/// The real traces from the TraceEvent project's tests (Samples/traces, see MANIFEST.tsv). Expected values
/// were checked independently: counts, IDs and first/last times against TraceEvent's TraceLog (ETLX) path,
/// which keeps 108 events of the .NET 5 trace and folds the 1499 MethodDCStopVerbose (144) and 363
/// ILToNativeMapDCStop (150) rundown events into its method tables (108 + 1499 + 363 = 1970); payloads
/// against PerfView's own tests (CanReadV5EventPipeArrayTypes, ExecutionCheckpointEventsAndTimeStamping).
/// </summary>
[TestClass]
public sealed class TraceReaderTests
{
    private const string ArrayTypes = "eventpipe-dotnetcore5.0-win-x64-arraytypes.nettrace";
    private const string Checkpoints = "eventpipe-dotnetcore6.0-win-x64-executioncheckpoints.nettrace";

    private static string Trace(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", "traces", name);

    private static (List<EventRecord> Records, IngestSession Session) Ingest(string name) =>
        TestInput.Ingest(File.ReadAllBytes(Trace(name)), name);

    [TestMethod]
    public void Read_Net5ArrayTypesTrace_GivesEveryEventWithProvidersTimesAndPayloads()
    {
        var (records, session) = Ingest(ArrayTypes);

        var input = session.Inputs.Single();
        Assert.AreEqual(("nettrace", 1970L, 0L), (input.Format, input.Records, input.Skipped));
        Assert.IsEmpty(input.Problems);
        var byProvider = records.GroupBy(r => r.Provider).ToDictionary(g => g.Key, g => g.Count());
        CollectionAssert.AreEquivalent(
            new[] { "TestEventSource0=3", "Microsoft-DotNETCore-EventPipe=2", "Microsoft-Windows-DotNETRuntimeRundown=1965" },
            byProvider.Select(p => $"{p.Key}={p.Value}").ToArray());
        Assert.AreEqual(1499, records.Count(r => r.EventId == 144));
        Assert.AreEqual(363, records.Count(r => r.EventId == 150));
        Assert.AreEqual(33, records.Count(r => r.EventId == 152));
        Assert.AreEqual("2020-05-19T08:04:15.8489926Z", Time(records[0]));
        Assert.AreEqual("2020-05-19T08:04:16.1666787Z", Time(records[^1]));
        Assert.IsTrue(records.Zip(records.Skip(1)).All(p => p.First.TimeUtc <= p.Second.TimeUtc));

        var test = records.Where(r => r.Provider == "TestEventSource0").ToList();
        Assert.AreEqual(new Guid("6d9ec0e1-62e8-5486-db71-3463a902643d"), test[0].ProviderGuid);
        Assert.AreEqual((5, 2, 0), (test[0].EventId, test[0].Level, test[0].Opcode));
        Assert.AreEqual("arg0=2032854139,1608221689,1470019200,199494339,1238846140,1366609043 | arg1=26494,17115,-7229,18850,27931 | arg2=2033417279", Data(test[0]));
        Assert.AreEqual((6, 4, 1231036291UL), (test[1].EventId, test[1].Level, test[1].Keywords!.Value & 0xFFFF_FFFF));
        Assert.AreEqual("arg0=-1001479330 | arg1=-1397908228 | arg2=1470938110,172564262,1133558854,-1572049829 | arg3=2055126903,593325874,2130052527,162795177", Data(test[1]));
        Assert.AreEqual((7, 2, 24), (test[2].EventId, test[2].Level, test[2].Opcode));
        Assert.AreEqual("arg0=" + new string([(char)59299, (char)13231, (char)38541, (char)7407, (char)35812]), Data(test[2]));
        Assert.IsTrue(records.All(r => r.ProcessId == 26240));
    }

    [TestMethod]
    public void Read_Net6ExecutionCheckpointsTrace_GivesTheThreeCheckpoints()
    {
        var (records, session) = Ingest(Checkpoints);

        Assert.IsEmpty(session.Inputs.Single().Problems);
        CollectionAssert.AreEqual(
            new[] { "300 RuntimeInit 2021-06-09T09:48:27.6557906Z", "300 RuntimeSuspend 2021-06-09T09:48:27.6558078Z", "300 RuntimeResumed 2021-06-09T09:48:27.6558183Z" },
            records.Select(r => $"{r.EventId} {r.Data.Single(d => d.Name == "Name").Value} {Time(r)}").ToArray());
        Assert.IsTrue(records.All(r => r.Provider == "Microsoft-Windows-DotNETRuntimeRundown" && r.ProcessId == 9832));
    }

    [TestMethod]
    public void Read_TraceCutInsideAnEventBlock_KeepsEveryEventOfTheCompleteBlocksAndSaysWhere()
    {
        var whole = File.ReadAllBytes(Trace(ArrayTypes));
        var (all, _) = TestInput.Ingest(whole, ArrayTypes);

        var (records, session) = TestInput.Ingest(whole[..300_000], ArrayTypes);

        var input = session.Inputs.Single();
        Assert.IsFalse(input.Unreadable);
        Assert.IsTrue(records.Count is > 100 and < 1970, $"{records.Count} events");
        CollectionAssert.AreEqual(all.Take(records.Count).Select(Key).ToArray(), records.Select(Key).ToArray(), "the events read are the trace's first ones");
        var problem = input.Problems.Single();
        StringAssert.Contains(problem.Message, "ends at offset 300000 inside the event block");
        // The problem points at the start of that block's object in the file.
        var at = (int)problem.Offset!.Value;
        Assert.AreEqual("EventBlock", System.Text.Encoding.ASCII.GetString(whole, at + 15, 10));
    }

    [TestMethod]
    public void Read_TraceWithoutItsEndTag_ReadsEverythingAndSaysSo()
    {
        var whole = File.ReadAllBytes(Trace(ArrayTypes));

        var (records, session) = TestInput.Ingest(whole[..^1], ArrayTypes);

        Assert.HasCount(1970, records);
        StringAssert.Contains(session.Inputs.Single().Problems.Single().Message, "without its end-of-trace tag");
    }

    [TestMethod]
    public void Read_OnlyTheMagic_IsUnreadableWithAPosition()
    {
        var (records, session) = TestInput.Ingest(File.ReadAllBytes(Trace(Checkpoints))[..10], "cut.nettrace");

        Assert.IsEmpty(records);
        var input = session.Inputs.Single();
        Assert.IsTrue(input.Unreadable);
        Assert.IsTrue(input.Problems.All(p => p.Offset is not null));
    }

    [TestMethod]
    [DataRow("SelfDescribingSingleEvent.etl")]
    [DataRow("primitive-types.etl")]
    public void Read_EtlTrace_IsDetectedAndReadOnWindowsOnly(string name)
    {
        var (records, session) = Ingest(name);

        var input = session.Inputs.Single();
        Assert.AreEqual("etl", input.Format);
        if (OperatingSystem.IsWindows())
        {
            Assert.IsNotEmpty(records);
            Assert.IsEmpty(input.Problems);
            if (name.StartsWith("SelfDescribing", StringComparison.Ordinal))
            {
                // PerfView's Issue1618 test: MySource/TestEvent carries the struct { b: "Hello", c: "World!" }.
                var e = records.Single(r => r.Provider == "MySource");
                StringAssert.Contains(Data(e), "Hello");
                StringAssert.Contains(Data(e), "World!");
            }

            return;
        }

        Assert.IsEmpty(records);
        Assert.IsTrue(input.Unreadable);
        var message = input.Problems.Single().Message;
        StringAssert.Contains(message, $"'{name}' is an ETW trace (.etl)");
        StringAssert.Contains(message, "Only Windows can decode");
        StringAssert.Contains(message, $"tracerpt \"{name}\"");
        Assert.AreEqual(message, EtlEventReader.NotOnThisOs(name));
    }

    private static string Time(EventRecord r) => r.TimeUtc!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Data(EventRecord r) => string.Join(" | ", r.Data.Select(d => $"{d.Name}={d.Value}"));

    private static string Key(EventRecord r) => $"{r.RecordNumber} {r.Provider} {r.EventId} {Time(r)} {Data(r)}";
}
