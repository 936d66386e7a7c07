using System.Globalization;
using Diagnose.Core.Inputs;
using Diagnose.Core.Records;

namespace Diagnose.Ingest.Evtx.Tests;

/// <summary>
/// <see cref="EvtWriter"/> output read back by our <see cref="EvtReader"/> and by libevt's evtexport:
/// exactly the records written, with what EVT can hold (whole seconds, no channel, unnamed strings).
/// </summary>
[TestClass]
public sealed class EvtWriterTests
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>What an EVT file keeps of a record.</summary>
    private static EventRecord AsEvt(EventRecord r) => r with
    {
        ProviderGuid = null,
        Version = null,
        Opcode = null,
        Keywords = null,
        Channel = null,
        ProcessId = null,
        ThreadId = null,
        Computer = r.Computer ?? string.Empty,
        Task = r.Task ?? 0,
        Level = r.Level switch { 1 or 2 => 2, 3 => 3, 0 => 0, _ => 4 },
        TimeUtc = r.TimeUtc is { } t ? new DateTime(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc) : null,
        Data = [.. r.Data.Select(d => d.Name == "Binary" ? d : new EventDataItem(null, d.Value ?? string.Empty))],
    };

    private static (byte[] Bytes, List<EventRecord> Read, InputSummary Summary) RoundTrip(IReadOnlyList<EventRecord> records)
    {
        using var ms = new MemoryStream();
        Assert.AreEqual(records.Count, EvtWriter.Write(ms, records));
        var bytes = ms.ToArray();
        var summary = new InputSummary("written.evt");
        var read = new EvtReader().Read(new MemoryStream(bytes), "written.evt", summary).ToList();
        return (bytes, read, summary);
    }

    [TestMethod]
    public void EvtWriter_GeneratedRecords_ReadBackByOurReader()
    {
        var records = TestRecords.Make(800, 4, evtOnly: true);
        var (_, read, summary) = RoundTrip(records);
        Assert.IsEmpty(summary.Problems, string.Join("; ", summary.Problems));
        Assert.HasCount(records.Count, read);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.AreEqual(TestRecords.Describe(AsEvt(records[i])), TestRecords.Describe(read[i]), $"record {i}");
            Assert.IsFalse(read[i].Recovered);
        }
    }

    [TestMethod]
    public void EvtWriter_RealLegacyRecords_ReadBackIdentically()
    {
        var file = Path.Combine(Samples.EvtDir, "plaso_SysEvent.evt");
        // The walked records (numbers ascending); slack records recovered from the dirty log carry older numbers.
        var original = new EvtReader().Read(File.OpenRead(file), file, new InputSummary(file)).Where(r => !r.Recovered).ToList();
        Assert.IsGreaterThan(100, original.Count);
        var (_, read, summary) = RoundTrip(original);
        Assert.IsEmpty(summary.Problems, string.Join("; ", summary.Problems));
        Assert.HasCount(original.Count, read);
        for (var i = 0; i < original.Count; i++)
        {
            Assert.AreEqual(TestRecords.Describe(original[i]), TestRecords.Describe(read[i]), $"record {i}");
        }
    }

    [TestMethod]
    public void Evtexport_ReadsEveryWrittenRecord()
    {
        var tool = ExternalTools.Require("evtexport", "libevt-utils");
        var records = TestRecords.Make(300, 5, evtOnly: true);
        var path = Path.Combine(TestContext.TestResultsDirectory!, $"{TestContext.TestName}.evt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var f = File.Create(path))
        {
            EvtWriter.Write(f, records);
        }

        var blocks = ExternalTools.Run(tool, $"\"{path}\"").Split("\nEvent number", StringSplitOptions.None).Skip(1).ToList();
        Assert.HasCount(records.Count, blocks, "evtexport record count");
        for (var i = 0; i < records.Count; i++)
        {
            var r = AsEvt(records[i]);
            var expected = string.Join(
                " | ",
                r.RecordNumber,
                r.TimeUtc!.Value.ToString("MMM dd, yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " UTC",
                r.Level switch { 2 => "1", 3 => "2", 0 => "8", _ => "4" },
                r.Computer,
                r.Provider,
                r.Task,
                ((uint)(r.Qualifiers << 16) | (uint)r.EventId).ToString("x8", CultureInfo.InvariantCulture),
                r.UserSid,
                string.Join(" ; ", r.Data.Select(d => d.Value)));
            var lines = blocks[i].Split('\n').Select(l => System.Text.RegularExpressions.Regex.Match(l, "^([^\t]+)\t+: ?(.*)$")).Where(m => m.Success)
                .Select(m => (Key: m.Groups[1].Value.Trim(), Value: m.Groups[2].Value)).ToList();
            string? Get(string key) => lines.FirstOrDefault(l => l.Key == key).Value;
            var actual = string.Join(
                " | ",
                blocks[i].Split('\n')[0].Split(':', 2)[1].Trim(),
                Get("Written time"),
                Get("Event type")?.Split('(', ')')[1],
                Get("Computer name"),
                Get("Source name"),
                Get("Event category"),
                Get("Event identifier")?.Split(' ')[0][2..],
                Get("User security identifier"),
                string.Join(" ; ", lines.Where(l => l.Key.StartsWith("String: ", StringComparison.Ordinal)).Select(l => l.Value)));
            Assert.AreEqual(expected, actual, $"record {i}");
        }
    }

    [TestMethod]
    [DataRow(4)] // the end-of-file record wraps
    [DataRow(36)]
    [DataRow(5000)]
    public void EvtReader_WrappedCircularBuffer_ReadsEveryRecordAcrossTheEnd(int rotation)
    {
        // Everything in an EVT log is DWORD-aligned, so are the rotations.
        // A log whose writer wrapped: the same bytes after the header, rotated, so records run past the end of
        // the file and continue right after the header; the header points at the first record.
        var records = TestRecords.Make(120, 6, evtOnly: true);
        using var ms = new MemoryStream();
        EvtWriter.Write(ms, records);
        var bytes = ms.ToArray();
        var body = bytes[0x30..];
        var k = rotation % body.Length;
        var rotated = new byte[bytes.Length];
        bytes.AsSpan(0, 0x30).CopyTo(rotated);
        body.AsSpan(body.Length - k).CopyTo(rotated.AsSpan(0x30));
        body.AsSpan(0, body.Length - k).CopyTo(rotated.AsSpan(0x30 + k));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(rotated.AsSpan(0x10), (uint)(0x30 + k));
        var summary = new InputSummary("wrapped.evt");

        // Forward-only input is copied to a temporary file first; the result is the same.
        var read = new EvtReader().Read(new ForwardOnlyStream(new MemoryStream(rotated)), "wrapped.evt", summary).ToList();
        Assert.IsEmpty(summary.Problems, string.Join("; ", summary.Problems));
        CollectionAssert.AreEqual(records.Select(r => TestRecords.Describe(AsEvt(r))).ToList(), read.Select(TestRecords.Describe).ToList());
    }
}
