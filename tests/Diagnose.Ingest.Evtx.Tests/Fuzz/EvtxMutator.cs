using System.Buffers.Binary;
using Diagnose.Ingest.Evtx.Layout;

namespace Diagnose.Ingest.Evtx.Tests.Fuzz;

/// <summary>
/// Seeded single faults aimed at the fields of the EVTX layout (libyal "Windows XML Event Log (EVTX) format"):
/// record header fields and runs of bytes inside a record's binary XML, every chunk-header field with extreme and
/// small values, hash-table entries, file-header fields, and cuts at and inside chunk boundaries. Every fault
/// changes at least one byte, so no case is a no-op.
/// </summary>
internal static class EvtxMutator
{
    private static readonly (int Offset, int Width)[] ChunkFields =
        [(0, 1), (8, 8), (16, 8), (24, 8), (32, 8), (40, 4), (44, 4), (48, 4), (52, 4), (56, 4), (88, 4), (120, 4), (124, 4)];

    private static readonly (int Offset, int Width)[] FileFields =
        [(0, 1), (8, 8), (16, 8), (24, 8), (32, 4), (36, 2), (38, 2), (40, 2), (42, 2), (60, 4), (120, 4), (124, 4)];

    public static Mutant Single(FuzzBase b, FaultKind kind, Random random)
    {
        var data = (byte[])b.Data.Clone();
        var touched = new HashSet<int>();
        var description = Apply(b, data, kind, random, touched, out var cut);
        return new Mutant(cut is int c ? data[..c] : data, description, touched, cut);
    }

    /// <summary>Two to five faults, each a single fault or a structural one (a chunk zeroed or copied over another, garbage appended).</summary>
    public static Mutant Multi(FuzzBase b, Random random)
    {
        var data = (byte[])b.Data.Clone();
        var touched = new HashSet<int>();
        var parts = new List<string>();
        int? cut = null;
        var chunks = b.Chunks.Count;
        for (var i = 2 + random.Next(4); i > 0; i--)
        {
            switch (random.Next(14))
            {
                case 0:
                    var z = random.Next(chunks);
                    Array.Clear(data, FuzzBase.ChunkStart(z), EvtxChunkHeader.ChunkSize);
                    touched.Add(z);
                    parts.Add($"chunk {z} zeroed");
                    break;
                case 1 when chunks > 1:
                    var (from, to) = (random.Next(chunks), random.Next(chunks));
                    data.AsSpan(FuzzBase.ChunkStart(from), EvtxChunkHeader.ChunkSize).CopyTo(data.AsSpan(FuzzBase.ChunkStart(to)));
                    touched.Add(to);
                    parts.Add($"chunk {from} copied over chunk {to}");
                    break;
                case 2:
                    var garbage = new byte[1 + random.Next(3 * EvtxChunkHeader.Size)];
                    random.NextBytes(garbage);
                    data = [.. data, .. garbage];
                    parts.Add($"{garbage.Length} random bytes appended");
                    break;
                default:
                    var kinds = Enum.GetValues<FaultKind>();
                    var kind = kinds[random.Next(kinds.Length)];
                    parts.Add(Apply(b, data, kind, random, touched, out var c));
                    cut = c is int at ? Math.Min(at, cut ?? at) : cut;
                    break;
            }
        }

        return new Mutant(cut is int end ? data[..Math.Min(end, data.Length)] : data, string.Join("; ", parts), touched, cut);
    }

    private static string Apply(FuzzBase b, byte[] data, FaultKind kind, Random random, HashSet<int> touched, out int? cut)
    {
        cut = null;
        var c = random.Next(b.Chunks.Count);
        var chunk = FuzzBase.ChunkStart(c);
        var records = b.Chunks[c];
        var (offset, size, number) = records.Count > 0 ? records[random.Next(records.Count)] : (EvtxChunkHeader.Size, 0, 0L);
        var record = chunk + offset;
        switch (kind)
        {
            case FaultKind.RecordBodyRun when size > EvtxRecordHeader.MinRecordSize:
            {
                var start = record + EvtxRecordHeader.Size + random.Next(size - EvtxRecordHeader.MinRecordSize);
                var length = Math.Min(1 + random.Next(32), record + size - 4 - start);
                var run = new byte[length];
                random.NextBytes(run);
                run[0] = (byte)(data[start] ^ (1 + random.Next(255)));
                run.CopyTo(data, start);
                touched.Add(c);
                return $"{length} byte(s) at {start} inside record {number} of chunk {c}";
            }

            case FaultKind.RecordSize:
                return Field(data, record + 4, 4, SmallAndExtreme(random, (ulong)size), touched, c, $"size of record {number}");
            case FaultKind.RecordSizeCopy:
                return Field(data, record + size - 4, 4, SmallAndExtreme(random, (ulong)size), touched, c, $"size copy of record {number}");
            case FaultKind.RecordNumber:
                ulong[] numbers = [0, (ulong)number + 1, (ulong)number - 1, (ulong)number + 2, (ulong)number + 1000, (ulong)records[0].Number, (ulong)records[^1].Number, long.MaxValue, ulong.MaxValue, (ulong)random.NextInt64()];
                return Field(data, record + 8, 8, numbers[random.Next(numbers.Length)], touched, c, $"number of record {number}");
            case FaultKind.RecordSignature:
                var at = record + random.Next(4);
                data[at] ^= (byte)(1 + random.Next(255));
                touched.Add(c);
                return $"signature byte {at} of record {number}";
            case FaultKind.RecordWrittenTime:
                return Field(data, record + 16, 8, (ulong)random.NextInt64(), touched, c, $"written time of record {number}");
            case FaultKind.ChunkHeaderField:
            {
                var (field, width) = ChunkFields[random.Next(ChunkFields.Length)];
                var original = Read(data, chunk + field, width);
                return Field(data, chunk + field, width, width == 8 ? SmallAndExtreme64(random, original) : SmallAndExtreme(random, original), touched, c, $"chunk {c} header field at {field}");
            }

            case FaultKind.ChunkHashTableEntry:
            {
                var field = EvtxChunkHeader.StringTableOffset + (4 * random.Next(EvtxChunkHeader.StringBuckets + EvtxChunkHeader.TemplateBuckets));
                return Field(data, chunk + field, 4, SmallAndExtreme(random, Read(data, chunk + field, 4)), touched, c, $"chunk {c} hash-table entry at {field}");
            }

            case FaultKind.FileHeaderField:
            {
                var (field, width) = FileFields[random.Next(FileFields.Length)];
                if (field == 0)
                {
                    touched.Add(0); // without a file signature, the reader goes on only if the first chunk looks like one
                }

                var original = Read(data, field, width);
                var value = width == 8 ? SmallAndExtreme64(random, original) : SmallAndExtreme(random, original) & (width == 2 ? 0xFFFFu : width == 1 ? 0xFFu : uint.MaxValue);
                return Field(data, field, width, value == original ? original ^ 1 : value, [], c, $"file header field at {field}");
            }

            case FaultKind.CutAtChunkBoundary:
                cut = FuzzBase.ChunkStart(random.Next(b.Chunks.Count));
                return $"cut at {cut} (chunk boundary)";
            case FaultKind.CutInsideChunk:
                int[] inside = [1, 8, 100, 511, 512, 513, offset + 1, offset + 24, offset + size - 1, offset + size, EvtxChunkHeader.ChunkSize - 1, 1 + random.Next(EvtxChunkHeader.ChunkSize - 1)];
                cut = chunk + Math.Clamp(inside[random.Next(inside.Length)], 1, EvtxChunkHeader.ChunkSize - 1);
                return $"cut at {cut} (inside chunk {c})";
            default:
                // A body run on a record too small to hold one: change its number instead.
                return Apply(b, data, FaultKind.RecordNumber, random, touched, out cut);
        }
    }

    private static ulong Read(byte[] data, int at, int width) => width switch
    {
        1 => data[at],
        2 => BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(at)),
        4 => BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at)),
        _ => BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at)),
    };

    private static string Field(byte[] data, int at, int width, ulong value, HashSet<int> touched, int chunk, string what)
    {
        var original = Read(data, at, width);
        if (value == original || (width < 8 && (value & ((1UL << (8 * width)) - 1)) == original))
        {
            value = original ^ 1;
        }

        switch (width)
        {
            case 1: data[at] = (byte)value; break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at), (ushort)value); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at), (uint)value); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(at), value); break;
        }

        if (at >= EvtxFileHeader.Size)
        {
            touched.Add(chunk);
        }

        return $"{what} {original} -> {value}";
    }

    private static ulong SmallAndExtreme(Random random, ulong original)
    {
        ulong[] values = [0, 1, 0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0x10000, 0xFFFF, original + 1, original - 1, original + 28, original - 28, 512, 511, (ulong)random.Next()];
        return values[random.Next(values.Length)] & 0xFFFFFFFF;
    }

    private static ulong SmallAndExtreme64(Random random, ulong original)
    {
        ulong[] values = [0, 1, ulong.MaxValue, long.MaxValue, 0x8000000000000000, original + 1, original - 1, original + 2, original + 1000, 0xFFFFFFFF, (ulong)random.NextInt64()];
        return values[random.Next(values.Length)];
    }
}
