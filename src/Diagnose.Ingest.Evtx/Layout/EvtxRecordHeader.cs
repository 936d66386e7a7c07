using System.Buffers.Binary;

namespace Diagnose.Ingest.Evtx.Layout;

/// <summary>
/// The 24-byte header of an EVTX event record (libyal, "Windows XML Event Log (EVTX) format", section "Event
/// record"): signature <c>**\0\0</c>, size (header, binary XML and the trailing size copy), record identifier and
/// written time (FILETIME). The record ends with a copy of its size, which is what makes a signature found by
/// scanning believable.
/// </summary>
internal readonly record struct EvtxRecordHeader(int RecordSize, long Number, long WrittenFileTime)
{
    public const int Size = 24;
    public const uint SignatureValue = 0x00002A2A;

    /// <summary>Header plus size copy: the smallest possible record.</summary>
    public const int MinRecordSize = Size + 4;

    public static ReadOnlySpan<byte> Signature => "**\0\0"u8;

    public static EvtxRecordHeader Read(ReadOnlySpan<byte> b, int pos) => new(
        BinaryPrimitives.ReadInt32LittleEndian(b[(pos + 4)..]),
        BinaryPrimitives.ReadInt64LittleEndian(b[(pos + 8)..]),
        BinaryPrimitives.ReadInt64LittleEndian(b[(pos + 16)..]));

    /// <summary>A signature, a size that fits in <paramref name="b"/> and a size copy that agrees.</summary>
    public static bool IsRecordAt(ReadOnlySpan<byte> b, int pos)
    {
        if (pos < 0 || pos > b.Length - MinRecordSize || BinaryPrimitives.ReadUInt32LittleEndian(b[pos..]) != SignatureValue)
        {
            return false;
        }

        var size = BinaryPrimitives.ReadInt32LittleEndian(b[(pos + 4)..]);
        return size >= MinRecordSize && size <= b.Length - pos && BinaryPrimitives.ReadInt32LittleEndian(b[(pos + size - 4)..]) == size;
    }

    /// <summary>The first believable record at or after <paramref name="from"/> starting no later than <paramref name="stopAt"/>, or -1.</summary>
    public static int Find(ReadOnlySpan<byte> b, int from, int stopAt)
    {
        for (var p = Math.Max(from, 0); p <= stopAt && p <= b.Length - MinRecordSize; p++)
        {
            var rel = b[p..].IndexOf(Signature);
            if (rel < 0)
            {
                return -1;
            }

            p += rel;
            if (p > stopAt)
            {
                return -1;
            }

            if (IsRecordAt(b, p))
            {
                return p;
            }
        }

        return -1;
    }
}
