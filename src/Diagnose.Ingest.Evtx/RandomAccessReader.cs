namespace Diagnose.Ingest.Evtx;

/// <summary>
/// Positioned reads over a seekable stream through one cached 64 KiB block, so a circular log can be
/// followed with seeks while memory stays at one block whatever the file size.
/// </summary>
internal sealed class RandomAccessReader(Stream stream)
{
    private const int BlockSize = 65536;
    private readonly byte[] _block = new byte[BlockSize];
    private long _blockStart = -1;
    private int _blockLength;

    public long Length { get; } = stream.Length;

    /// <summary>Copies the bytes at <paramref name="position"/>; returns how many exist there (fewer at the end).</summary>
    public int Read(long position, Span<byte> destination)
    {
        var total = 0;
        while (total < destination.Length && position + total < Length)
        {
            var at = position + total;
            var start = at - (at % BlockSize);
            if (start != _blockStart)
            {
                stream.Position = start;
                _blockLength = StreamUtil.ReadFull(stream, _block, BlockSize);
                _blockStart = start;
            }

            var offset = (int)(at - start);
            var n = Math.Min(destination.Length - total, _blockLength - offset);
            if (n <= 0)
            {
                break;
            }

            _block.AsSpan(offset, n).CopyTo(destination[total..]);
            total += n;
        }

        return total;
    }

    public uint U32(long position)
    {
        Span<byte> b = stackalloc byte[4];
        return Read(position, b) == 4 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(b) : 0;
    }

    /// <summary>The cached block holding <paramref name="position"/> and the offset in it (for scanning).</summary>
    public ReadOnlySpan<byte> BlockAt(long position, out long blockStart)
    {
        Span<byte> one = stackalloc byte[1];
        Read(position, one);
        blockStart = _blockStart;
        return _block.AsSpan(0, _blockLength);
    }
}
