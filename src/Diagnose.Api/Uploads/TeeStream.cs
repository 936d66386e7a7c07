namespace Diagnose.Api.Uploads;

/// <summary>Copies what the engine reads into a file, for uploads the client asked to keep; the upload is still read once.</summary>
internal sealed class TeeStream : Stream
{
    private readonly Stream _inner;
    private readonly Stream _copy;

    public TeeStream(Stream inner, Stream copy)
    {
        _inner = inner;
        _copy = copy;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        _copy.Write(buffer[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
