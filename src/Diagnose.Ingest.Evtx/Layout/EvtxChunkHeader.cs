using System.Buffers.Binary;

namespace Diagnose.Ingest.Evtx.Layout;

/// <summary>
/// The 512-byte header of a 64 KiB EVTX chunk (libyal, "Windows XML Event Log (EVTX) format", section "Chunk
/// header"): the records it holds by number and by identifier (the same in every file we have seen, so each pair
/// checks the other), where its last record starts and where its free space starts, the CRC32 of the records
/// (from the end of this header to the free-space offset) and the CRC32 of bytes 0–120 and 128–512, which holds
/// the common-string (64 buckets) and template (32 buckets) hash tables. Read by the decoder, written by the writer.
/// </summary>
internal readonly record struct EvtxChunkHeader(
    long FirstNumber,
    long LastNumber,
    long FirstIdentifier,
    long LastIdentifier,
    int LastRecordOffset,
    int FreeSpaceOffset,
    uint RecordsChecksum,
    uint HeaderChecksum)
{
    public const int ChunkSize = 65536;
    public const int Size = 512;
    public const int StringTableOffset = 128;
    public const int StringBuckets = 64;
    public const int TemplateTableOffset = 384;
    public const int TemplateBuckets = 32;

    private const uint HeaderFieldsSize = 128;
    private const int ChecksumGapStart = 120;
    private const int ChecksumGapEnd = 128;

    /// <summary>The most records a chunk can hold: every record has at least its header and size copy.</summary>
    public const int MaxRecords = (ChunkSize - Size) / (EvtxRecordHeader.Size + 4);

    public static ReadOnlySpan<byte> Signature => "ElfChnk\0"u8;

    public static bool HasSignature(ReadOnlySpan<byte> bytes) => bytes.Length >= 8 && bytes[..8].SequenceEqual(Signature);

    /// <summary>Reads the fields (the caller checks that <paramref name="h"/> holds 512 bytes with the signature).</summary>
    public static EvtxChunkHeader Read(ReadOnlySpan<byte> h) => new(
        BinaryPrimitives.ReadInt64LittleEndian(h[8..]),
        BinaryPrimitives.ReadInt64LittleEndian(h[16..]),
        BinaryPrimitives.ReadInt64LittleEndian(h[24..]),
        BinaryPrimitives.ReadInt64LittleEndian(h[32..]),
        BinaryPrimitives.ReadInt32LittleEndian(h[44..]),
        BinaryPrimitives.ReadInt32LittleEndian(h[48..]),
        BinaryPrimitives.ReadUInt32LittleEndian(h[52..]),
        BinaryPrimitives.ReadUInt32LittleEndian(h[124..]));

    public static uint ComputeHeaderChecksum(ReadOnlySpan<byte> h) =>
        Crc32.Append(Crc32.Compute(h[..ChecksumGapStart]), h[ChecksumGapEnd..Size]);

    /// <summary>Writes the fields and both checksums; the hash tables and records must already be in <paramref name="chunk"/>.</summary>
    public static void Write(Span<byte> chunk, long first, long last, int lastRecordOffset, int freeSpaceOffset)
    {
        Signature.CopyTo(chunk);
        BinaryPrimitives.WriteInt64LittleEndian(chunk[8..], first);
        BinaryPrimitives.WriteInt64LittleEndian(chunk[16..], last);
        BinaryPrimitives.WriteInt64LittleEndian(chunk[24..], first);
        BinaryPrimitives.WriteInt64LittleEndian(chunk[32..], last);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk[40..], HeaderFieldsSize);
        BinaryPrimitives.WriteInt32LittleEndian(chunk[44..], lastRecordOffset);
        BinaryPrimitives.WriteInt32LittleEndian(chunk[48..], freeSpaceOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk[52..], Crc32.Compute(chunk[Size..freeSpaceOffset]));
        BinaryPrimitives.WriteUInt32LittleEndian(chunk[124..], ComputeHeaderChecksum(chunk));
    }
}
