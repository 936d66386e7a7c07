using System.Globalization;
using Diagnose.Core.Inputs;

namespace Diagnose.Ingest.Evtx.Tests;

/// <summary>The legacy EVT sample against libevt's evtexport items (see Samples/evt/README.md).</summary>
[TestClass]
public sealed class EvtOracleTests
{
    private const string File = "plaso_SysEvent.evt";

    [TestMethod]
    public void RecordsMatchOracleAndRecoveredAreMarked()
    {
        var summary = new InputSummary(File);
        using var stream = new ForwardOnlyStream(System.IO.File.OpenRead(Path.Combine(Samples.EvtDir, File)));
        var records = new EvtReader().Read(stream, File, summary).ToList();

        var ours = records.Where(r => !r.Recovered)
            .Select(r => Samples.Line(r, ((uint)(r.Qualifiers << 16) | (uint)r.EventId).ToString(CultureInfo.InvariantCulture), "yyyy-MM-dd'T'HH:mm:ss'Z'"))
            .ToList();
        var oracle = Samples.Oracle(Path.Combine(Samples.EvtDir, "oracle", File + ".tsv"));
        Assert.HasCount(6063, oracle);
        CollectionAssert.AreEqual(oracle, ours);

        // The log is dirty: the free space holds older records (libevt recovers 438; one of those overlaps the live area).
        var recovered = records.Count(r => r.Recovered);
        Assert.IsTrue(recovered is >= 400 and <= 438, $"recovered {recovered}");
        Assert.IsTrue(records.All(r => r.Channel is null && r.TimeUtc?.Kind == DateTimeKind.Utc));
        Assert.AreEqual(0L, summary.Skipped);
    }

    [TestMethod]
    public void LegacyFieldsAreMapped()
    {
        var summary = new InputSummary(File);
        using var stream = System.IO.File.OpenRead(Path.Combine(Samples.EvtDir, File));
        var first = new EvtReader().Read(stream, File, summary).First();

        // 2147524609 = 0x8000A001: EventId 0xA001, Qualifiers 0x8000.
        Assert.AreEqual(40961, first.EventId);
        Assert.AreEqual(0x8000, first.Qualifiers);
        Assert.AreEqual("LSASRV", first.Provider);
        Assert.AreEqual("WKS-WINXP32BIT", first.Computer);
        Assert.AreEqual(new DateTime(2011, 7, 27, 6, 41, 47, DateTimeKind.Utc), first.TimeUtc);
        Assert.AreEqual(1392L, first.RecordNumber);
        Assert.IsNotNull(first.Origin.Offset);
    }

    [TestMethod]
    public void GarbageIsReportedNotThrown()
    {
        var summary = new InputSummary("x.evt");
        var records = new EvtReader().Read(new MemoryStream(new byte[300]), "x.evt", summary).ToList();
        Assert.IsEmpty(records);
        Assert.IsNotEmpty(summary.Problems);
    }
}
