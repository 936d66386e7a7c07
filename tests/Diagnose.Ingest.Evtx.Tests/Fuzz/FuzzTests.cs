using System.Diagnostics;
using System.Globalization;

namespace Diagnose.Ingest.Evtx.Tests.Fuzz;

/// <summary>
/// Seeded, deterministic fuzzing of the EVTX reader on mutants of clean public samples and of writer output
/// (issue 14). Single faults: every record that exists or is declared is counted exactly once, so records
/// yielded + unreadable equals the base's records, whatever one field or run of bytes was changed or wherever the
/// file was cut. Several faults at once: no record of a chunk no fault touched is lost. Every case runs under a
/// timeout and must not throw. Case i uses seed <see cref="Seed"/> + i; <c>DIAGNOSE_FUZZ_CASES</c> sets how many
/// (tests/Diagnose.Ingest.Evtx.Tests/fuzz.sh runs 100,000).
/// </summary>
[TestClass]
public sealed class FuzzTests
{
    private const int Seed = 14_000;
    // One-chunk files keep each case fast; the cuts need chunk boundaries, so they get files of two and three chunks.
    private static readonly Lazy<FuzzBase[]> OneChunk = new(() =>
    [
        FuzzBase.FromSample("plaso_System.evtx", 0, 1),
        FuzzBase.FromSample("plaso_System.evtx", 20, 1),
        FuzzBase.FromSample("security.evtx", 10, 1),
        FuzzBase.FromSample("sysmon.evtx", 0, 1),
        FuzzBase.FromSample("mitre_ID104-1102-Event_log_cleared.evtx", 1),
        FuzzBase.FromSample("mitre_ID1-LSASS_dump_with_LSASSY_SYSMON.evtx", 1),
        FuzzBase.FromSample("new-user-security.evtx", 1),
        FuzzBase.FromSample("MSExchange_Management_wec.evtx", 1),
        FuzzBase.FromWriter(150, 9),
    ]);

    private static readonly Lazy<FuzzBase[]> Chunks = new(() =>
    [
        FuzzBase.FromSample("plaso_System.evtx", 2),
        FuzzBase.FromSample("security.evtx", 3, 3),
        FuzzBase.FromWriter(400, 10),
    ]);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Evtx_SingleFaults_CountEveryRecordExactlyOnce()
    {
        var kinds = Enum.GetValues<FaultKind>();
        var count = FuzzRun.Cases(9000);
        var watch = Stopwatch.StartNew();
        var failures = FuzzRun.ForEachCase(count, i =>
        {
            var random = new Random(Seed + i);
            var kind = kinds[i % kinds.Length];
            var bases = kind is FaultKind.CutAtChunkBoundary or FaultKind.CutInsideChunk ? Chunks.Value : OneChunk.Value;
            var b = bases[(i / kinds.Length) % bases.Length];
            var mutant = EvtxMutator.Single(b, kind, random);
            var (records, summary) = FuzzRun.ReadEvtx(mutant.Data, recover: i % 7 == 0, parallelism: 1 + (i % 2));

            // A cut before the first chunk header is complete leaves only the file header's next record identifier,
            // which declares records numbered from 1 (the writer's base starts at 1000).
            var expected = mutant.Cut < FuzzBase.ChunkStart(0) + 512 ? b.Records.Max(r => r.RecordNumber!.Value) : b.Records.Count;
            var total = records.Count + summary.Skipped;
            if (i % 7 == 0 ? total < expected : total != expected)
            {
                return $"{b.Name}: {mutant.Description}: {records.Count} read + {summary.Skipped} unreadable = {total}, expected {expected}; "
                    + string.Join(" | ", summary.Problems.Take(4).Select(p => $"{p.Offset}: {p.Message}"));
            }

            return (records.Any(r => r.Recovered) || summary.Skipped > 0) && summary.Problems.Count == 0
                ? $"{b.Name}: {mutant.Description}: recovered or unreadable records without a problem"
                : null;
        });

        TestContext.WriteLine($"{count} single-fault cases in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.IsEmpty(failures, FuzzRun.Report(failures, count));
    }

    [TestMethod]
    public void Evtx_MultipleFaults_LoseNoRecordOfAnUntouchedChunk()
    {
        var count = FuzzRun.Cases(9000) / 6;
        var watch = Stopwatch.StartNew();
        var failures = FuzzRun.ForEachCase(count, i =>
        {
            var random = new Random(Seed + 500_000 + i);
            var b = Chunks.Value[i % Chunks.Value.Length];
            var mutant = EvtxMutator.Multi(b, random);
            var recover = i % 3 == 0;
            var (records, summary) = FuzzRun.ReadEvtx(mutant.Data, recover, parallelism: 1 + (i % 3));
            var keys = records.Select(FuzzRun.Key).ToHashSet();
            var untouched = Enumerable.Range(0, b.Chunks.Count)
                .Where(c => !mutant.Touched.Contains(c) && (mutant.Cut is not int cut || FuzzBase.ChunkStart(c + 1) <= cut))
                .SelectMany(c => b.Records.Where(r => r.Origin.Offset >= FuzzBase.ChunkStart(c) && r.Origin.Offset < FuzzBase.ChunkStart(c + 1)))
                .ToList();
            var lost = untouched.Where(r => !keys.Contains(FuzzRun.Key(r))).ToList();
            if (lost.Count > 0)
            {
                return $"{b.Name}: {mutant.Description}: {lost.Count} record(s) of untouched chunks lost, first {lost[0].RecordNumber} at {lost[0].Origin.Offset}";
            }

            return summary.Skipped < 0 || records.Any(r => r.Origin.Offset is not long o || o < 0 || o >= mutant.Data.Length)
                ? $"{b.Name}: {mutant.Description}: negative count or an offset outside the file"
                : null;
        });

        TestContext.WriteLine($"{count} multi-fault cases in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.IsEmpty(failures, FuzzRun.Report(failures, count));
    }

    [TestMethod]
    public void Evtx_ChunksShuffled_SameRecordsInChunkOrder()
    {
        var b = Chunks.Value[1];
        var chunks = b.Chunks.Count;
        var random = new Random(Seed);
        for (var round = 0; round < 6; round++)
        {
            var order = Enumerable.Range(0, chunks).OrderBy(_ => random.Next()).ToArray();
            var copy = (byte[])b.Data.Clone();
            for (var i = 0; i < chunks; i++)
            {
                b.Data.AsSpan(FuzzBase.ChunkStart(order[i]), 65536).CopyTo(copy.AsSpan(FuzzBase.ChunkStart(i)));
            }

            var (records, summary) = FuzzRun.ReadEvtx(copy, recover: false, parallelism: 1 + round);
            var expected = order.SelectMany(o => b.Records.Where(r => r.Origin.Offset >= FuzzBase.ChunkStart(o) && r.Origin.Offset < FuzzBase.ChunkStart(o + 1)))
                .Select(r => $"{r.RecordNumber}|{r.EventId}|{r.TimeUtc:O}").ToList();
            CollectionAssert.AreEqual(expected, records.Select(r => $"{r.RecordNumber}|{r.EventId}|{r.TimeUtc:O}").ToList(), string.Join(',', order));
            Assert.AreEqual(0L, summary.Skipped, string.Join(',', order.Select(o => o.ToString(CultureInfo.InvariantCulture))));
        }
    }
}
