using System.Buffers.Binary;
using Diagnose.Core.Inputs;
using Diagnose.Core.Records;

namespace Diagnose.Ingest.Evtx.Tests;

/// <summary>
/// Seeded fuzzing of both readers on thousands of mutated copies of real samples and of writer output:
/// truncation at and around every chunk boundary, zeroed, shuffled and duplicated chunks, garbage appended,
/// huge declared sizes, bit flips. Every case runs under a timeout (a hang fails), nothing may throw, and the
/// counts must hold: structural mutations give exactly the records they should, random ones stay bounded.
/// </summary>
[TestClass]
public sealed class FuzzTests
{
    private const int Chunk = 65536;
    private const int Header = 4096;
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);

    private static readonly string[] EvtxFiles =
        ["system.evtx", "MSExchange_Management_wec.evtx", "sample_with_a_bad_chunk_magic.evtx", "mitre_ID1-LSASS_dump_with_LSASSY_SYSMON.evtx", "plaso_System2.evtx", "Application_no_crc32.evtx"];

    private static (List<EventRecord> Records, InputSummary Summary) Evtx(byte[] data, bool recover = false, int parallelism = 2)
    {
        var summary = new InputSummary("fuzz.evtx");
        var task = Task.Run(() => new EvtxReader { Recover = recover, Parallelism = parallelism }
            .Read(new MemoryStream(data, writable: false), "fuzz.evtx", summary).ToList());
        Assert.IsTrue(task.Wait(CaseTimeout), "reader hung");
        return (task.Result, summary);
    }

    private static (List<EventRecord> Records, InputSummary Summary) Evt(byte[] data, bool recover)
    {
        var summary = new InputSummary("fuzz.evt");
        var task = Task.Run(() => new EvtReader { Recover = recover }.Read(new MemoryStream(data, writable: false), "fuzz.evt", summary).ToList());
        Assert.IsTrue(task.Wait(CaseTimeout), "reader hung");
        return (task.Result, summary);
    }

    private static string Key(EventRecord r) => $"{r.RecordNumber}|{r.EventId}|{r.Provider}|{r.TimeUtc:O}|{r.Data.Count}";

    private static void AssertBounded(byte[] data, List<EventRecord> records, InputSummary summary, string what)
    {
        Assert.IsGreaterThanOrEqualTo(0L, summary.Skipped, what);
        Assert.IsLessThanOrEqualTo(data.Length / 28, records.Count + summary.Skipped, $"{what}: no more records than the bytes can hold");
        foreach (var r in records)
        {
            Assert.IsTrue(r.Origin.Offset is long o && o >= 0 && o < data.Length, $"{what}: record offset inside the file");
        }

        if (records.Any(r => r.Recovered) || summary.Skipped > 0)
        {
            Assert.IsNotEmpty(summary.Problems, $"{what}: recovered or skipped records come with a problem");
        }
    }

    [TestMethod]
    public void Evtx_StructuralMutations_GiveExactlyTheExpectedRecords()
    {
        var random = new Random(2024);
        var cases = 0;
        foreach (var file in EvtxFiles)
        {
            var data = File.ReadAllBytes(Samples.Evtx(file));
            var (all, _) = Evtx(data);
            var chunks = (data.Length - Header + Chunk - 1) / Chunk;

            // Truncation exactly at every chunk boundary: the records before it, unchanged.
            for (var c = 0; c <= chunks; c++)
            {
                var cut = Math.Min(data.Length, Header + (c * Chunk));
                var (records, summary) = Evtx(data[..cut]);
                CollectionAssert.AreEqual(all.Where(r => r.Origin.Offset < cut).Select(Key).ToList(), records.Select(Key).ToList(), $"{file} cut at chunk {c}");
                AssertBounded(data, records, summary, file);

                // Around the boundary (every third one, to bound the time): nothing throws, nothing before it is lost.
                foreach (var delta in c % 3 == 0 ? new[] { -1, 1, 511, 513 } : [])
                {
                    var at = Math.Clamp(cut + delta, 0, data.Length);
                    (records, summary) = Evtx(data[..at]);
                    AssertBounded(data, records, summary, $"{file} cut at {at}");
                    var before = Math.Min(cut, at) - ((Math.Min(cut, at) - Header) % Chunk);
                    Assert.IsTrue(all.Where(r => r.Origin.Offset < before).Select(Key).ToHashSet().IsSubsetOf(records.Select(Key)), $"{file} cut at {at}");
                    cases++;
                }

                cases++;
            }

            // Each chunk zeroed: exactly the others' records. Chunks shuffled: the same records, in chunk order.
            for (var c = 0; c < chunks && Header + ((c + 1) * Chunk) <= data.Length; c++)
            {
                var copy = (byte[])data.Clone();
                Array.Clear(copy, Header + (c * Chunk), Chunk);
                var (records, _) = Evtx(copy);
                CollectionAssert.AreEqual(all.Where(r => r.Origin.Offset < Header + (c * Chunk) || r.Origin.Offset >= Header + ((c + 1) * Chunk)).Select(Key).ToList(), records.Select(Key).ToList(), $"{file} chunk {c} zeroed");
                cases++;
            }

            var whole = (data.Length - Header) / Chunk;
            for (var round = 0; round < 3 && whole > 1; round++)
            {
                var order = Enumerable.Range(0, whole).OrderBy(_ => random.Next()).ToArray();
                var copy = (byte[])data.Clone();
                for (var i = 0; i < whole; i++)
                {
                    data.AsSpan(Header + (order[i] * Chunk), Chunk).CopyTo(copy.AsSpan(Header + (i * Chunk)));
                }

                var (records, summary) = Evtx(copy, parallelism: 1 + round);
                var expected = order.SelectMany(o => all.Where(r => r.Origin.Offset >= Header + (o * Chunk) && r.Origin.Offset < Header + ((o + 1) * Chunk)))
                    .Concat(all.Where(r => r.Origin.Offset >= Header + (whole * Chunk))).Select(Key).ToList();
                CollectionAssert.AreEqual(expected, records.Select(Key).ToList(), $"{file} shuffled {string.Join(',', order)}");
                AssertBounded(copy, records, summary, file);
                cases++;
            }

            // Garbage appended (random or a copy of a chunk header with nonsense after it): the original records first.
            foreach (var length in new[] { 1, 100, 600, Chunk, Chunk + 12345 })
            {
                var garbage = new byte[length];
                random.NextBytes(garbage);
                if (length > 600)
                {
                    data.AsSpan(Header, 512).CopyTo(garbage);
                }

                var (records, summary) = Evtx([.. data, .. garbage]);
                CollectionAssert.AreEqual(all.Select(Key).ToList(), records.Take(all.Count).Select(Key).ToList(), $"{file} + {length} bytes");
                AssertBounded([.. data, .. garbage], records, summary, file);
                cases++;
            }
        }

        Assert.IsGreaterThan(100, cases, "structural cases");
    }

    [TestMethod]
    public void Evtx_HugeDeclaredSizesAndBitFlips_NeverThrowOrHang()
    {
        var random = new Random(77);
        // The first four chunks of each file keep every case fast; the structure is the same.
        var originals = EvtxFiles.Select(f => File.ReadAllBytes(Samples.Evtx(f))).Select(d => d[..Math.Min(d.Length, Header + (4 * Chunk))]).ToList();
        var written = new MemoryStream();
        EvtxWriter.Write(written, TestRecords.Make(600, 9));
        originals.Add(written.ToArray());
        uint[] huge = [0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0x10000, 0xFFFF, 0];
        var cases = 0;
        while (cases < 1500)
        {
            var original = originals[cases % originals.Count];
            var data = (byte[])original.Clone();
            var chunks = Math.Max(1, (data.Length - Header) / Chunk);
            var chunk = Header + (random.Next(chunks) * Chunk);
            switch (random.Next(4))
            {
                case 0:
                    // A declared size or offset replaced by an extreme value: file header counts, chunk header
                    // offsets, a record's size or its size copy, or any 32-bit word in the first records.
                    int[] fields = [32, 40, 42, chunk + 40, chunk + 44, chunk + 48, chunk + 512 + 4, chunk + 512 + 24 + 6, chunk + 512 + 24 + 10, chunk + random.Next(512, 4096)];
                    var at = Math.Min(fields[random.Next(fields.Length)], data.Length - 4);
                    BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at), huge[random.Next(huge.Length)]);
                    break;
                case 1:
                    for (var i = 1 + random.Next(100); i > 0; i--)
                    {
                        var pos = random.Next(3) == 0 ? random.Next(data.Length) : Math.Min(data.Length - 1, chunk + random.Next(4096));
                        data[pos] ^= (byte)(1 << random.Next(8));
                    }

                    break;
                case 2:
                    // A run of random bytes inside a chunk's records.
                    var start = Math.Min(data.Length - 1, chunk + 512 + random.Next(8192));
                    random.NextBytes(data.AsSpan(start, Math.Min(data.Length - start, 1 + random.Next(300))));
                    break;
                default:
                    // A chunk duplicated over its neighbour (same record numbers twice).
                    if (chunks > 1 && chunk + (2 * Chunk) <= data.Length)
                    {
                        data.AsSpan(chunk, Chunk).CopyTo(data.AsSpan(chunk + Chunk));
                    }

                    break;
            }

            var recover = random.Next(3) == 0;
            var (records, summary) = Evtx(data, recover, parallelism: 1 + (cases % 3));
            AssertBounded(data, records, summary, $"case {cases}");
            if (recover && cases % 2 == 0)
            {
                // Carving only adds: every record of the plain read is still there, in order.
                var (plain, _) = Evtx(data);
                var keys = records.Select(Key).ToList();
                Assert.IsTrue(plain.Select(Key).ToHashSet().IsSubsetOf(keys), $"case {cases}: carving lost records");
            }

            cases++;
        }

        Assert.AreEqual(1500, cases);
    }

    [TestMethod]
    public void Evt_TruncationGarbageAndHugeSizes_NeverThrowOrHang()
    {
        var original = File.ReadAllBytes(Path.Combine(Samples.EvtDir, "plaso_SysEvent.evt"));
        var written = new MemoryStream();
        EvtWriter.Write(written, TestRecords.Make(300, 10, evtOnly: true));
        byte[][] files = [original, written.ToArray()];
        var random = new Random(31);
        var cases = 0;
        foreach (var file in files)
        {
            var (all, _) = Evt(file, recover: false);
            for (var i = 0; i < 200; i++)
            {
                var data = (byte[])file.Clone();
                switch (i % 4)
                {
                    case 0:
                        data = data[..random.Next(data.Length)];
                        break;
                    case 1:
                        var at = random.Next(2) == 0 ? 4 * random.Next(12) : 4 * random.Next(data.Length / 4);
                        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at), new uint[] { 0xFFFFFFFF, 0x7FFFFFFC, 0x30, 0x38, 0x28, 0 }[random.Next(6)]);
                        break;
                    case 2:
                        for (var f = 1 + random.Next(200); f > 0; f--)
                        {
                            data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
                        }

                        break;
                    default:
                        var garbage = new byte[1 + random.Next(5000)];
                        random.NextBytes(garbage);
                        data = [.. data, .. garbage];
                        break;
                }

                var (records, summary) = Evt(data, recover: i % 2 == 0);
                Assert.IsLessThanOrEqualTo(data.Length / 0x38, records.Count + summary.Skipped, $"case {i}");
                if (i % 4 == 3 && i % 2 == 0)
                {
                    // Garbage after a clean log: every record is still read.
                    Assert.IsTrue(all.Select(Key).ToHashSet().IsSubsetOf(records.Select(Key)), $"case {i}");
                }

                cases++;
            }
        }

        Assert.AreEqual(400, cases);
    }
}
