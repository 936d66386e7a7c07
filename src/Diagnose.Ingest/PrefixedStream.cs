namespace Diagnose.Ingest;

/// <summary>
/// A read-only stream that first returns bytes already taken for format detection, then the rest of
/// the underlying stream, so detection works on streams that cannot seek (uploads, pipes). Over a seekable
/// stream whose prefix was read from its start, it seeks too (the EVT reader follows its circular buffer).
/// </summary>
internal sealed class PrefixedStream : Stream
{
    private readonly ReadOnlyMemory<byte> _prefix;
    private readonly Stream _rest;
    private readonly long _start;
    private int _prefixUsed;
    private long _position;

    public PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest)
    {
        _prefix = prefix;
        _rest = rest;
        _start = rest.CanSeek ? rest.Position - prefix.Length : -1;
    }

    public override bool CanRead => true;

    public override bool CanSeek => _start >= 0;

    public override bool CanWrite => false;

    public override long Length => CanSeek ? _rest.Length - _start : throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        if (_prefixUsed < _prefix.Length)
        {
            n = Math.Min(buffer.Length, _prefix.Length - _prefixUsed);
            _prefix.Span.Slice(_prefixUsed, n).CopyTo(buffer);
            _prefixUsed += n;
        }
        else
        {
            n = _rest.Read(buffer);
        }

        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        if (!CanSeek)
        {
            throw new NotSupportedException();
        }

        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));

        // Once seeking, read everything from the underlying stream: it holds the prefix bytes too.
        _rest.Position = _start + target;
        _prefixUsed = _prefix.Length;
        _position = target;
        return target;
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
