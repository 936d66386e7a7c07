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
