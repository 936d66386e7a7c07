using System.Buffers.Binary;

namespace Diagnose.Ingest.Evtx.Layout;

/// <summary>
/// The 40-byte end-of-file record of a legacy event log (ELF_EOF_RECORD in Microsoft's "Event Log File Format"):
/// its size at both ends, four fixed markers (0x11111111 … 0x44444444), the offsets of the first and of this
/// record, and the next and oldest record numbers, which stay current in a log that was not closed cleanly.
/// </summary>
internal readonly record struct EvtEofRecord(uint BeginRecord, uint EndRecord, uint CurrentRecordNumber, uint OldestRecordNumber)
{
    public const int Size = 0x28;

    private static readonly uint[] Markers = [0x11111111, 0x22222222, 0x33333333, 0x44444444];

    /// <summary>Whether <paramref name="b"/> (at least <see cref="Size"/> bytes) holds the four markers after the size.</summary>
    public static bool HasMarkers(ReadOnlySpan<byte> b)
    {
        for (var i = 0; i < Markers.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(b[(4 + (4 * i))..]) != Markers[i])
            {
                return false;
            }
        }

        return true;
    }

    public static EvtEofRecord Read(ReadOnlySpan<byte> b) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(b[20..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[24..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[28..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[32..]));

    public void Write(Span<byte> b)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(b, Size);
        for (var i = 0; i < Markers.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b[(4 + (4 * i))..], Markers[i]);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(b[20..], BeginRecord);
        BinaryPrimitives.WriteUInt32LittleEndian(b[24..], EndRecord);
        BinaryPrimitives.WriteUInt32LittleEndian(b[28..], CurrentRecordNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(b[32..], OldestRecordNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(b[36..], Size);
    }
}
