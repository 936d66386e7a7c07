using System.Buffers.Binary;
using Diagnose.Core.Inputs;
using Diagnose.Core.Records;

namespace Diagnose.Ingest.Evtx.Tests.Fuzz;

/// <summary>Seeded fuzzing of the EVT reader: cuts, extreme declared sizes, bit flips and garbage appended.</summary>
[TestClass]
public sealed class EvtFuzzTests
{
    private static readonly TimeSpan CaseTimeout = FuzzRun.CaseTimeout;

    private static (List<EventRecord> Records, InputSummary Summary) Evt(byte[] data, bool recover)
    {
        var summary = new InputSummary("fuzz.evt");
        var task = Task.Run(() => new EvtReader { Recover = recover }.Read(new MemoryStream(data, writable: false), "fuzz.evt", summary).ToList());
        Assert.IsTrue(task.Wait(CaseTimeout), "reader hung");
        return (task.Result, summary);
    }

    private static string Key(EventRecord r) => $"{r.RecordNumber}|{r.EventId}|{r.Provider}|{r.TimeUtc:O}|{r.Data.Count}";

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
                // A cut log still declares its records: no more than the uncut file could hold.
                Assert.IsLessThanOrEqualTo(Math.Max(data.Length, file.Length) / 0x38, records.Count + summary.Skipped, $"case {i}");
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

    /// <summary>
    /// Single faults in a cleanly closed log (writer output, whose header and end-of-file record declare its records):
    /// a record's size, signature, number or bytes of its strings, a header field, or a cut. Every declared record is
    /// read, recovered or counted unreadable, exactly once.
    /// </summary>
    [TestMethod]
    public void Evt_SingleFaults_CountEveryDeclaredRecordOnce()
    {
        var written = new MemoryStream();
        EvtWriter.Write(written, TestRecords.Make(120, 12, evtOnly: true));
        var clean = written.ToArray();
        var (all, cleanSummary) = Evt(clean, recover: false);
        Assert.AreEqual(0L, cleanSummary.Skipped);
        var offsets = all.Select(r => (int)r.Origin.Offset!.Value).ToList();
        var count = FuzzRun.Cases(9000) / 15;
        var failures = FuzzRun.ForEachCase(count, i =>
        {
            var random = new Random(31_000 + i);
            var data = (byte[])clean.Clone();
            var at = offsets[random.Next(offsets.Count)];
            var size = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at));
            string what;
            switch (i % 6)
            {
                case 0:
                    BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(at), new[] { 0, 1, 0x38, size + 4, size - 4, int.MaxValue, -1 }[random.Next(7)]);
                    what = $"size of the record at {at}";
                    break;
                case 1:
                    data[at + 4 + random.Next(4)] ^= (byte)(1 + random.Next(255));
                    what = $"signature of the record at {at}";
                    break;
                case 2:
                    BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at + 8), new uint[] { 0, 1, 0xFFFFFFFF, 5, (uint)random.Next() }[random.Next(5)]);
                    what = $"number of the record at {at}";
                    break;
                case 3:
                    var start = at + 0x38 + random.Next(Math.Max(1, size - 0x3C));
                    var run = Math.Min(1 + random.Next(16), at + size - 4 - start);
                    for (var b = 0; b < run; b++)
                    {
                        data[start + b] ^= (byte)(1 + random.Next(255));
                    }

                    what = $"{run} byte(s) at {start}";
                    break;
                case 4:
                    var field = new[] { 0x10, 0x14, 0x18, 0x1C, 0x20, 0x24, 0x28 }[random.Next(7)];
                    BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(field), BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(field)) ^ (uint)(1 + random.Next(0xFFFF)));
                    what = $"header field at {field}";
                    break;
                default:
                    data = data[..(at + random.Next(size))];
                    what = $"cut at {data.Length}";
                    break;
            }

            var (records, summary) = Evt(data, recover: false);
            var total = records.Count + summary.Skipped;
            return total == all.Count ? null : $"{what}: {records.Count} read + {summary.Skipped} unreadable = {total}, expected {all.Count}; "
                + string.Join(" | ", summary.Problems.Take(3).Select(p => $"{p.Offset}: {p.Message}"));
        });

        Assert.IsEmpty(failures, FuzzRun.Report(failures, count));
    }
}
