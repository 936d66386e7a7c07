using Diagnose.Core.Inputs;
using Diagnose.Core.Records;

namespace Diagnose.Ingest.Evtx.Tests;

/// <summary>What <see cref="EvtxWriter"/> and <see cref="EvtWriter"/> write, our own readers read back field for field.</summary>
[TestClass]
public sealed class WriterRoundTripTests
{
    internal static (byte[] Bytes, List<EventRecord> Read, InputSummary Summary) EvtxRoundTrip(IReadOnlyList<EventRecord> records)
    {
        using var ms = new MemoryStream();
        Assert.AreEqual(records.Count, EvtxWriter.Write(ms, records));
        var bytes = ms.ToArray();
        var summary = new InputSummary("written.evtx");
        var read = new EvtxReader().Read(new MemoryStream(bytes), "written.evtx", summary).ToList();
        return (bytes, read, summary);
    }

    private static void AssertSame(IReadOnlyList<EventRecord> expected, IReadOnlyList<EventRecord> actual)
    {
        Assert.HasCount(expected.Count, actual);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.AreEqual(TestRecords.Describe(expected[i]), TestRecords.Describe(actual[i]), $"record {i}");
            var e = TestRecords.Comparable(expected[i]);
            CollectionAssert.AreEqual(e.Data.ToList(), actual[i].Data.ToList(), $"record {i} data");
            Assert.AreEqual(e, TestRecords.Comparable(actual[i]) with { Data = e.Data }, $"record {i}");
        }
    }

    [TestMethod]
    public void EvtxWriter_GeneratedRecords_ReadBackIdentically()
    {
        var records = TestRecords.Make(1500, 1);
        var (bytes, read, summary) = EvtxRoundTrip(records);
        Assert.IsGreaterThan(4096 + (3 * 65536), bytes.Length, "several chunks");
        Assert.IsEmpty(summary.Problems, string.Join("; ", summary.Problems));
        Assert.IsFalse(read.Any(r => r.Recovered));
        AssertSame(records, read);
    }

    [TestMethod]
    [DataRow("security.evtx")]
    [DataRow("system.evtx")]
    [DataRow("sysmon.evtx")]
    [DataRow("Security_with_size_t.evtx")]
    [DataRow("mitre_ID1151-Defender_health_status.evtx")]
    public void EvtxWriter_RealRecords_ReadBackIdentically(string file)
    {
        var original = new EvtxReader().Read(File.OpenRead(Samples.Evtx(file)), file, new InputSummary(file))
            .Where(r => !r.Recovered).ToList();
        var (_, read, summary) = EvtxRoundTrip(original);
        Assert.IsEmpty(summary.Problems, string.Join("; ", summary.Problems));
        AssertSame(original, read);
    }
}
