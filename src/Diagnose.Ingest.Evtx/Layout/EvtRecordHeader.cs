using System.Buffers.Binary;

namespace Diagnose.Ingest.Evtx.Layout;

/// <summary>
/// The fixed 56-byte part of a legacy event record, EVENTLOGRECORD (winnt.h, documented in the Win32 API
/// reference): length, "LfLe", record number, generated and written times (seconds since 1970, UTC), event
/// identifier (qualifiers in the high word), event type, number of insertion strings, category, closing record
/// number, and the offsets and lengths of the strings, the user SID and the binary data. The source and
/// computer names follow it as NUL-terminated UTF-16; the record ends with a copy of its length.
/// </summary>
internal readonly record struct EvtRecordHeader(
    uint Length,
    uint RecordNumber,
    uint TimeGenerated,
    uint TimeWritten,
    uint EventId,
    EvtEventType EventType,
    ushort NumStrings,
    ushort EventCategory,
    uint StringOffset,
    uint UserSidLength,
    uint UserSidOffset,
    uint DataLength,
    uint DataOffset)
{
    public const int Size = 0x38;

    /// <summary>Where the record number lies, read before the rest to count a record that cannot be decoded.</summary>
    public const int RecordNumberField = 8;

    /// <summary>A length and signature that agree with a record starting at <paramref name="b"/>'s first byte.</summary>
    public static bool HasSignature(ReadOnlySpan<byte> b) =>
        b.Length >= 8 && BinaryPrimitives.ReadUInt32LittleEndian(b[4..]) == EvtFileHeader.SignatureValue;

    public static uint ReadRecordNumber(ReadOnlySpan<byte> b) => BinaryPrimitives.ReadUInt32LittleEndian(b[RecordNumberField..]);

    public static EvtRecordHeader Read(ReadOnlySpan<byte> b) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(b),
        BinaryPrimitives.ReadUInt32LittleEndian(b[RecordNumberField..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[12..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[16..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[20..]),
        (EvtEventType)BinaryPrimitives.ReadUInt16LittleEndian(b[24..]),
        BinaryPrimitives.ReadUInt16LittleEndian(b[26..]),
        BinaryPrimitives.ReadUInt16LittleEndian(b[28..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[36..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[40..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[44..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[48..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[52..]));

    public void Write(Span<byte> b)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(b, Length);
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], EvtFileHeader.SignatureValue);
        BinaryPrimitives.WriteUInt32LittleEndian(b[RecordNumberField..], RecordNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(b[12..], TimeGenerated);
        BinaryPrimitives.WriteUInt32LittleEndian(b[16..], TimeWritten);
        BinaryPrimitives.WriteUInt32LittleEndian(b[20..], EventId);
        BinaryPrimitives.WriteUInt16LittleEndian(b[24..], (ushort)EventType);
        BinaryPrimitives.WriteUInt16LittleEndian(b[26..], NumStrings);
        BinaryPrimitives.WriteUInt16LittleEndian(b[28..], EventCategory);
        BinaryPrimitives.WriteUInt32LittleEndian(b[32..], 0); // closing record number
        BinaryPrimitives.WriteUInt32LittleEndian(b[36..], StringOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(b[40..], UserSidLength);
        BinaryPrimitives.WriteUInt32LittleEndian(b[44..], UserSidOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(b[48..], DataLength);
        BinaryPrimitives.WriteUInt32LittleEndian(b[52..], DataOffset);
    }
}
