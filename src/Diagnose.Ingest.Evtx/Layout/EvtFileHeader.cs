using System.Buffers.Binary;

namespace Diagnose.Ingest.Evtx.Layout;

/// <summary>
/// The 48-byte header of a legacy event log file (.evt), ELF_LOGFILE_HEADER in Microsoft's "Event Log File
/// Format" (Win32 documentation): header size (0x30) twice, the "LfLe" signature, version 1.1, the offsets of
/// the oldest record and of the end-of-file record, the next and oldest record numbers, the maximum file size,
/// the flags (bit 0: dirty, the log was not closed cleanly) and the retention.
/// </summary>
internal readonly record struct EvtFileHeader(
    uint StartOffset,
    uint EndOffset,
    uint CurrentRecordNumber,
    uint OldestRecordNumber,
    uint MaxSize,
    uint Flags,
    uint Retention)
{
    public const int Size = 0x30;

    /// <summary>"LfLe", the signature of the header and of every record.</summary>
    public const uint SignatureValue = 0x654C664C;

    public const int StartOffsetField = 0x10;
    public const int CurrentRecordNumberField = 0x18;
    public const int MaxSizeField = 0x20;
    public const int FlagsField = 0x24;

    private const uint DirtyFlag = 0x1;

    public bool IsDirty => (Flags & DirtyFlag) != 0;

    /// <summary>Whether <paramref name="b"/> starts with a header: its size and signature.</summary>
    public static bool IsHeader(ReadOnlySpan<byte> b) =>
        b.Length >= Size && BinaryPrimitives.ReadUInt32LittleEndian(b) == Size && BinaryPrimitives.ReadUInt32LittleEndian(b[4..]) == SignatureValue;

    public static EvtFileHeader Read(ReadOnlySpan<byte> b) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(b[StartOffsetField..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[0x14..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[CurrentRecordNumberField..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[0x1C..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[MaxSizeField..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[FlagsField..]),
        BinaryPrimitives.ReadUInt32LittleEndian(b[0x28..]));

    public void Write(Span<byte> b)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(b, Size);
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], SignatureValue);
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], 1); // major version
        BinaryPrimitives.WriteUInt32LittleEndian(b[12..], 1); // minor version
        BinaryPrimitives.WriteUInt32LittleEndian(b[StartOffsetField..], StartOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(b[0x14..], EndOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(b[CurrentRecordNumberField..], CurrentRecordNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(b[0x1C..], OldestRecordNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(b[MaxSizeField..], MaxSize);
        BinaryPrimitives.WriteUInt32LittleEndian(b[FlagsField..], Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(b[0x28..], Retention);
        BinaryPrimitives.WriteUInt32LittleEndian(b[0x2C..], Size); // the size again, closing the header
    }
}
