using System.Buffers.Binary;

namespace Diagnose.Ingest.Evtx.Layout;

/// <summary>
/// The EVTX file header: the first 4 KiB of the file, of which the first 128 bytes are used (libyal, "Windows XML
/// Event Log (EVTX) format", section "File header"). The checksum is the CRC32 of the first 120 bytes.
/// Read by <see cref="EvtxReader"/> and written by <see cref="EvtxWriter"/>.
/// </summary>
/// <param name="FirstChunk">Number of the first (oldest) chunk; not 0 once the log has wrapped.</param>
/// <param name="LastChunk">Number of the last (newest) chunk.</param>
/// <param name="NextRecord">Identifier the next record written will get; stale in logs copied while in use.</param>
/// <param name="ChunkCount">Chunks in use; the file may hold more, still empty, chunks.</param>
/// <param name="Flags">Bit 0: dirty (the log was in use), bit 1: full.</param>
/// <param name="Checksum">The stored CRC32.</param>
internal readonly record struct EvtxFileHeader(ulong FirstChunk, ulong LastChunk, ulong NextRecord, ushort ChunkCount, uint Flags, uint Checksum)
{
    /// <summary>Bytes before the first chunk.</summary>
    public const int Size = 4096;

    /// <summary>Bytes of the header that carry fields: a shorter file cannot be an EVTX file.</summary>
    public const int UsedSize = 128;

    private const int ChecksummedSize = 120;
    private const uint HeaderFieldsSize = 128;
    private const ushort MinorVersion = 1;
    private const ushort MajorVersion = 3;

    public static ReadOnlySpan<byte> Signature => "ElfFile\0"u8;

    public static bool HasSignature(ReadOnlySpan<byte> bytes) => bytes.Length >= 8 && bytes[..8].SequenceEqual(Signature);

    /// <summary>Reads the fields of the first 128 bytes (the caller checks their length and signature).</summary>
    public static EvtxFileHeader Read(ReadOnlySpan<byte> h) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(h[8..]),
        BinaryPrimitives.ReadUInt64LittleEndian(h[16..]),
        BinaryPrimitives.ReadUInt64LittleEndian(h[24..]),
        BinaryPrimitives.ReadUInt16LittleEndian(h[42..]),
        BinaryPrimitives.ReadUInt32LittleEndian(h[120..]),
        BinaryPrimitives.ReadUInt32LittleEndian(h[124..]));

    public static bool ChecksumMatches(ReadOnlySpan<byte> h) =>
        Crc32.Compute(h[..ChecksummedSize]) == BinaryPrimitives.ReadUInt32LittleEndian(h[124..]);

    /// <summary>Writes a clean header (not dirty, not full) with its checksum into the first 128 bytes of <paramref name="h"/>.</summary>
    public static void Write(Span<byte> h, ulong lastChunk, ulong nextRecord, ushort chunkCount)
    {
        Signature.CopyTo(h);
        BinaryPrimitives.WriteUInt64LittleEndian(h[8..], 0);
        BinaryPrimitives.WriteUInt64LittleEndian(h[16..], lastChunk);
        BinaryPrimitives.WriteUInt64LittleEndian(h[24..], nextRecord);
        BinaryPrimitives.WriteUInt32LittleEndian(h[32..], HeaderFieldsSize);
        BinaryPrimitives.WriteUInt16LittleEndian(h[36..], MinorVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(h[38..], MajorVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(h[40..], Size);
        BinaryPrimitives.WriteUInt16LittleEndian(h[42..], chunkCount);
        BinaryPrimitives.WriteUInt32LittleEndian(h[120..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(h[124..], Crc32.Compute(h[..ChecksummedSize]));
    }
}
