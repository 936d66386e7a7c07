using System.Diagnostics;
using Diagnose.Core.Inputs;
using Diagnose.Core.Records;

namespace Diagnose.Ingest.Evtx.Tests;

/// <summary>
/// Damaged inputs derived from real samples: bit flips, truncation, zeroed chunks. Nothing may throw or hang,
/// and the counts must stay consistent. Bounded to about two seconds; FuzzTests goes further.
/// </summary>
[TestClass]
public sealed class RobustnessTests
{
    private const int Chunk = 65536;
    private const int Header = 4096;

    private static (List<EventRecord> Records, InputSummary Summary) ReadEvtx(byte[] data)
    {
        var summary = new InputSummary("fuzz.evtx");
        var records = new EvtxReader().Read(new ForwardOnlyStream(new MemoryStream(data), 5000), "fuzz.evtx", summary).ToList();
        return (records, summary);
    }

    private static void AssertConsistent(byte[] data, List<EventRecord> records, InputSummary summary)
    {
        Assert.IsGreaterThanOrEqualTo(0L, summary.Skipped);
        Assert.IsLessThanOrEqualTo(data.Length / 28, records.Count + summary.Skipped, "no more records than bytes allow");
        foreach (var r in records)
        {
            Assert.IsTrue(r.Origin.Offset is long o && o >= Header && o < data.Length, "record offset inside the file");
            Assert.IsNotNull(r.Provider);
        }

        if (records.Any(r => r.Recovered) || summary.Skipped > 0)
        {
            Assert.IsNotEmpty(summary.Problems, "recovered or skipped records come with a problem");
        }
    }

    [TestMethod]
    public void TruncationAtAndInsideChunksKeepsCompleteRecords()
    {
        var data = File.ReadAllBytes(Samples.Evtx("security.evtx"));
        var (all, _) = ReadEvtx(data);
        foreach (var chunks in new[] { 0, 1, 5, 20 })
        {
            var cut = Header + (chunks * Chunk);
            var (records, summary) = ReadEvtx(data[..cut]);
            Assert.AreEqual(all.Count(r => r.Origin.Offset < cut), records.Count, $"cut at chunk {chunks}");
            Assert.IsFalse(records.Any(r => r.Recovered));
            AssertConsistent(data, records, summary);

            // Mid-chunk: every complete record before the cut is still read (marked recovered: no checksum possible).
            var mid = cut + 30000;
            (records, summary) = ReadEvtx(data[..mid]);
            Assert.IsGreaterThan(all.Count(r => r.Origin.Offset < cut), records.Count);
            AssertConsistent(data, records, summary);
        }

        Assert.IsEmpty(ReadEvtx(data[..100]).Records);
        Assert.IsEmpty(ReadEvtx([]).Records);

        // A foreign file of any size gives one problem, not one per chunk.
        var foreign = new byte[Header + (8 * Chunk)];
        new Random(3).NextBytes(foreign);
        var (none, s) = ReadEvtx(foreign);
        Assert.IsEmpty(none);
        Assert.HasCount(1, s.Problems);
    }

    [TestMethod]
    public void ZeroedChunkIsSkippedSilently()
    {
        var data = File.ReadAllBytes(Samples.Evtx("security.evtx"));
        var (all, _) = ReadEvtx(data);
        var start = Header + (3 * Chunk);
        Array.Clear(data, start, Chunk);
        var (records, summary) = ReadEvtx(data);
        Assert.AreEqual(all.Count(r => r.Origin.Offset < start || r.Origin.Offset >= start + Chunk), records.Count);
        Assert.IsEmpty(summary.Problems);
    }

    [TestMethod]
    public void GarbageChunkIsReportedWithItsOffset()
    {
        var data = File.ReadAllBytes(Samples.Evtx("security.evtx"));
        var start = Header + (2 * Chunk);
        new Random(7).NextBytes(data.AsSpan(start, Chunk));
        var (records, summary) = ReadEvtx(data);
        Assert.IsTrue(summary.Problems.Any(p => p.Offset == start));
        Assert.IsFalse(records.Any(r => r.Origin.Offset >= start && r.Origin.Offset < start + Chunk));
    }

    [TestMethod]
    public void RandomBitFlipsNeverThrow()
    {
        var files = new[] { "security.evtx", "sysmon.evtx", "MSExchange_Management_wec.evtx", "2-vss_7-System.evtx", "Security_with_size_t.evtx" };
        var originals = files.Select(f => File.ReadAllBytes(Samples.Evtx(f))).ToArray();
        var random = new Random(12345);
        var watch = Stopwatch.StartNew();
        var rounds = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(1) || rounds < 5)
        {
            var data = (byte[])originals[rounds % originals.Length].Clone();
            var flips = 1 + random.Next(200);
            for (var i = 0; i < flips; i++)
            {
                // Bias towards headers and the start of chunks, where structure is densest.
                var chunkIndex = random.Next(Math.Max(1, (data.Length - Header) / Chunk));
                var pos = random.Next(3) == 0 ? random.Next(data.Length) : Math.Min(data.Length - 1, Header + (chunkIndex * Chunk) + random.Next(4096));
                data[pos] ^= (byte)(1 << random.Next(8));
            }

            var (records, summary) = ReadEvtx(data);
            AssertConsistent(data, records, summary);
            rounds++;
        }
    }

    [TestMethod]
    public void EvtDamageNeverThrows()
    {
        var original = File.ReadAllBytes(Path.Combine(Samples.EvtDir, "plaso_SysEvent.evt"));
        var random = new Random(99);
        var watch = Stopwatch.StartNew();
        var rounds = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(1) || rounds < 3)
        {
            var data = (byte[])original.Clone();
            for (var i = 0; i < 500; i++)
            {
                data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
            }

            var length = random.Next(2) == 0 ? data.Length : random.Next(data.Length);
            var summary = new InputSummary("fuzz.evt");
            var records = new EvtReader().Read(new MemoryStream(data, 0, length), "fuzz.evt", summary).ToList();
            Assert.IsLessThanOrEqualTo(length / 0x38, records.Count);
            rounds++;
        }
    }
}
