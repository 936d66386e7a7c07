using System.Buffers.Binary;
using Diagnose.Core.Inputs;
using Diagnose.Core.Records;
using Diagnose.Ingest.Evtx.Tests.Fuzz;

namespace Diagnose.Ingest.Evtx.Tests.Issues;

/// <summary>
/// The reproductions of issue 14 ("every EVTX record counted exactly once under damage"), on the public sample
/// <c>plaso_System.evtx</c> (27 chunks in use, 5,009 records, a sound header) and <c>security.evtx</c> (header: 26 chunks).
/// Each asserts the count the issue found wrong and the problem the reader now reports.
/// </summary>
[TestClass]
public sealed class Issue14RegressionTests
{
    private static (List<EventRecord> Records, InputSummary Summary) Read(byte[] data, bool recover = false) => FuzzRun.ReadEvtx(data, recover, parallelism: 2);

    private static byte[] Sample(string name) => File.ReadAllBytes(Samples.Evtx(name));

    [TestMethod]
    public void Issue14_LastRecordOffsetChangedAt69676_LosesNoRecord()
    {
        var data = Sample("plaso_System.evtx");
        var (clean, _) = Read(data);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(69676), 0x0000_1000); // chunk 1's last-record offset

        var (records, summary) = Read(data);

        Assert.AreEqual(5009, clean.Count, "the sample's records");
        Assert.AreEqual(clean.Count, records.Count, "every record still read (the issue: 116 vanished)");
        Assert.AreEqual(0L, summary.Skipped);
        Assert.IsTrue(summary.Problems.Any(p => p.Offset == 69632 && p.Message.Contains("chunk header checksum mismatch", StringComparison.Ordinal)), "the damaged header is reported");
        var (carved, carvedSummary) = Read(data, recover: true);
        Assert.IsTrue(clean.Select(FuzzRun.Key).ToHashSet().IsSubsetOf(carved.Select(FuzzRun.Key)), "carving only adds records");
        Assert.IsGreaterThanOrEqualTo(clean.Count, carved.Count + carvedSummary.Skipped);
    }

    [TestMethod]
    public void Issue14_CutInsideAChunkAfterItsHeader_CountsTheDeclaredRecordsAsMissing()
    {
        var data = Sample("plaso_System.evtx");
        var cut = 4096 + 65536 + 600; // chunk 1's header is whole; its first record is not
        var (records, summary) = Read(data[..cut]);

        Assert.AreEqual(0, records.Count(r => r.Origin.Offset >= 4096 + 65536), "no record of chunk 1 is whole");
        Assert.AreEqual(5009L, records.Count + summary.Skipped, "read + unreadable = the records the headers declare");
        var chunk = summary.Problems.Single(p => p.Message.StartsWith("chunk 1 cut", StringComparison.Ordinal));
        StringAssert.Contains(chunk.Message, $"at offset {cut}");
        StringAssert.Contains(chunk.Message, "0 record(s) read,");
        Assert.DoesNotContain("marked recovered", chunk.Message, "none are recovered, so none are said to be");
        StringAssert.Contains(summary.Problems.Single(p => p.Message.StartsWith("file ends", StringComparison.Ordinal)).Message, "the header declares 27 chunks, 1 complete and 1 cut short (25 missing)");
    }

    [TestMethod]
    public void Issue14_CutAtAChunkBoundary_ReportsTheMissingChunksAndRecords()
    {
        var data = Sample("security.evtx");
        var (records, summary) = Read(data[..(4096 + 65536)]);

        var problem = summary.Problems.Single(p => p.Message.StartsWith("file ends", StringComparison.Ordinal));
        Assert.AreEqual(69632L, problem.Offset);
        StringAssert.Contains(problem.Message, "the header declares 26 chunks, 1 complete (25 missing)");

        // The header's next record identifier is 2226: every record numbered below it is read or missing.
        Assert.AreEqual(2225L, records.Count + summary.Skipped);
        StringAssert.Contains(problem.Message, $"{summary.Skipped} declared record(s) missing");
    }

    [TestMethod]
    public void Issue14_ChangedRecordNumber_CountsTheRecordOnce()
    {
        var data = Sample("plaso_System.evtx");
        var (clean, _) = Read(data);
        var victim = clean[40];
        var at = (int)victim.Origin.Offset!.Value + 8;
        BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(at), 999_999);

        var (records, summary) = Read(data);

        Assert.AreEqual(clean.Count, records.Count, "the record is still read");
        Assert.AreEqual(0L, summary.Skipped, "and not also counted as unreadable (the issue: counted twice)");
        var problem = summary.Problems.Single(p => p.Message.StartsWith("record number 999999 disagrees", StringComparison.Ordinal));
        Assert.AreEqual(victim.Origin.Offset, problem.Offset);
        StringAssert.Contains(problem.Message, $"make it {victim.RecordNumber}");
    }
    [TestMethod]
    public void Issue14_MultiFaultCase4867_FileSignatureChangedAndFirstChunksDamaged_ReadsTheUntouchedChunk()
    {
        // The long fuzz run's case 4867 (fuzz.sh, Evtx_MultipleFaults_LoseNoRecordOfAnUntouchedChunk): the file
        // signature changed and the first two chunks damaged, so the guard against foreign files (go on without a
        // file signature only while chunks follow) stopped at chunk 0 and lost the 89 records of the intact chunk 2.
        const int Case = 4867;
        var b = FuzzBase.FromSample("security.evtx", 3, 3);
        var mutant = EvtxMutator.Multi(b, new Random(14_000 + 500_000 + Case));
        var untouched = b.Records.Where(r => r.Origin.Offset >= FuzzBase.ChunkStart(2)).Select(FuzzRun.Key).ToList();
        Assert.IsFalse(mutant.Touched.Contains(2), mutant.Description);
        Assert.HasCount(89, untouched, "the records the issue lost");

        foreach (var parallelism in new[] { 1, 2 })
        {
            var (records, summary) = FuzzRun.ReadEvtx(mutant.Data, recover: false, parallelism);

            CollectionAssert.IsSubsetOf(untouched, records.Select(FuzzRun.Key).ToList(), $"{mutant.Description}: a record of the untouched chunk is lost");
            Assert.IsTrue(summary.Problems.Any(p => p.Message.StartsWith("not an EVTX file", StringComparison.Ordinal)), "the missing signature is still reported");
            Assert.IsTrue(summary.Problems.Any(p => p.Offset == FuzzBase.ChunkStart(0) && p.Message.Contains("no chunk", StringComparison.Ordinal)), string.Join(" | ", summary.Problems.Select(p => $"{p.Offset}: {p.Message}")));
        }
    }

    [TestMethod]
    public void Issue14_ForeignFileWithoutAnyChunk_IsOneProblemAndNoRecord()
    {
        // The near miss of case 4867: without a file signature and with no chunk anywhere, the file is foreign; the
        // walk past damaged chunks must not turn it into a problem per 64 KiB or into records.
        var data = new byte[4096 + (4 * 65536) + 100];
        new Random(4867).NextBytes(data);

        var (records, summary) = Read(data);

        Assert.IsEmpty(records);
        Assert.AreEqual(0L, summary.Skipped);
        Assert.AreEqual("not an EVTX file: no ElfFile signature", summary.Problems.Single().Message);
    }
}
