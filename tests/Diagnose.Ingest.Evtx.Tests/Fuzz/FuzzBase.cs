using System.Buffers.Binary;
using Diagnose.Core.Inputs;
using Diagnose.Core.Records;
using Diagnose.Ingest.Evtx.Layout;

namespace Diagnose.Ingest.Evtx.Tests.Fuzz;

/// <summary>
/// A clean EVTX file the fuzzer mutates: its bytes, the records it holds (every one read, none skipped, no
/// problem) and where each chunk's records are, so a mutation can aim at one field of one record or chunk.
/// </summary>
internal sealed class FuzzBase
{
    private FuzzBase(string name, byte[] data, List<EventRecord> records, List<List<(int Offset, int Size, long Number)>> chunks)
    {
        Name = name;
        Data = data;
        Records = records;
        Chunks = chunks;
    }

    public string Name { get; }

    public byte[] Data { get; }

    public List<EventRecord> Records { get; }

    /// <summary>Per chunk, each record's offset inside the chunk, its size and number.</summary>
    public List<List<(int Offset, int Size, long Number)>> Chunks { get; }

    public static int ChunkStart(int chunk) => EvtxFileHeader.Size + (chunk * EvtxChunkHeader.ChunkSize);

    /// <summary>
    /// The first <paramref name="chunks"/> chunks of a public sample with its file header rewritten as Windows leaves a
    /// cleanly closed log (chunk count, last chunk, next record identifier, flags, checksum), so every record the file
    /// holds is also declared by it.
    /// </summary>
    public static FuzzBase FromSample(string file, int chunks) => FromSample(file, 0, chunks);

    /// <summary>Chunks <paramref name="first"/> to <paramref name="first"/> + <paramref name="chunks"/> − 1 of a sample, as a file of their own.</summary>
    public static FuzzBase FromSample(string file, int first, int chunks)
    {
        var whole = File.ReadAllBytes(Samples.Evtx(file));
        var end = Math.Min(whole.Length, ChunkStart(first + chunks));
        byte[] data = [.. whole.AsSpan(0, EvtxFileHeader.Size), .. whole.AsSpan(ChunkStart(first), end - ChunkStart(first))];
        var present = (data.Length - EvtxFileHeader.Size) / EvtxChunkHeader.ChunkSize;
        var layout = Layout(data, present);
        var next = layout.SelectMany(c => c).Select(r => r.Number).DefaultIfEmpty(0).Max() + 1;
        EvtxFileHeader.Write(data, (ulong)(present - 1), (ulong)next, (ushort)present);
        return Create(first == 0 ? $"{file}[{present}]" : $"{file}[{first}..{first + present - 1}]", data, layout);
    }

    public static FuzzBase FromWriter(int records, int seed)
    {
        using var stream = new MemoryStream();
        EvtxWriter.Write(stream, TestRecords.Make(records, seed));
        var data = stream.ToArray();
        return Create($"written({records},{seed})", data, Layout(data, (data.Length - EvtxFileHeader.Size) / EvtxChunkHeader.ChunkSize));
    }

    private static FuzzBase Create(string name, byte[] data, List<List<(int Offset, int Size, long Number)>> layout)
    {
        var summary = new InputSummary(name);
        var records = new EvtxReader { Parallelism = 1 }.Read(new MemoryStream(data, writable: false), name, summary).ToList();
        Assert.AreEqual(0L, summary.Skipped, $"{name}: a fuzz base is clean");
        Assert.IsEmpty(summary.Problems, $"{name}: a fuzz base is clean: {string.Join("; ", summary.Problems.Select(p => p.Message))}");
        Assert.AreEqual(layout.Sum(c => c.Count), records.Count, $"{name}: the layout walk finds every record");
        return new FuzzBase(name, data, records, layout);
    }

    /// <summary>Each chunk's records as its header declares them: from the first record to the last-record offset.</summary>
    private static List<List<(int Offset, int Size, long Number)>> Layout(byte[] data, int chunks)
    {
        var result = new List<List<(int Offset, int Size, long Number)>>();
        for (var c = 0; c < chunks; c++)
        {
            var chunk = data.AsSpan(ChunkStart(c), EvtxChunkHeader.ChunkSize);
            var last = BinaryPrimitives.ReadInt32LittleEndian(chunk[44..]);
            var list = new List<(int Offset, int Size, long Number)>();
            for (var pos = EvtxChunkHeader.Size; pos <= last;)
            {
                var size = BinaryPrimitives.ReadInt32LittleEndian(chunk[(pos + 4)..]);
                list.Add((pos, size, BinaryPrimitives.ReadInt64LittleEndian(chunk[(pos + 8)..])));
                pos += size;
            }

            result.Add(list);
        }

        return result;
    }
}
