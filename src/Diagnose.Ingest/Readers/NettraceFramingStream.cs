using System.Buffers.Binary;
using System.Text;

namespace Diagnose.Ingest.Readers;

/// <summary>
/// Passes a .nettrace stream to TraceEvent one whole serialized object at a time, so a trace cut short
/// still gives every event of its complete blocks. EventPipe sorts events until the trace ends; if the
/// file simply stops, TraceEvent throws and the events it held are lost. Here, an object the file ends
/// inside is dropped and the end-of-trace tag is supplied, and the cut is reported with its offsets.
/// Understands the FastSerialization framing of nettrace versions 4 and 5: the "Nettrace" magic, then
/// objects (begin tag, type with version and name, end tag, payload, end tag) and a final null tag.
/// Anything else is passed through untouched, for TraceEvent to judge.
/// </summary>
internal sealed class NettraceFramingStream : Stream
{
    private const byte NullReference = 1;
    private const byte BeginPrivateObject = 5;
    private const byte EndObject = 6;

    // Trace object payload: SYSTEMTIME, sync QPC, QPC frequency, pointer size, process id, processors, sampling rate.
    private const int TracePayloadBytes = 16 + 8 + 8 + 4 + 4 + 4 + 4;

    // An EventPipe block is a few hundred KiB at most; anything larger is not a block we understand.
    private const int MaxObjectBytes = 64 << 20;

    private readonly Stream _inner;
    private readonly MemoryStream _pending = new();
    private byte[] _ready = [];
    private int _readyAt;
    private long _innerPosition;
    private bool _passThrough;
    private bool _finished;
    private bool _started;

    public NettraceFramingStream(Stream inner) => _inner = inner;

    /// <summary>Set when the file ended inside an object: what was cut, where it began and where the file ended.</summary>
    public (string Kind, long Start, long End)? Truncation { get; private set; }

    /// <summary>Bytes handed to TraceEvent so far.</summary>
    public long Delivered { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => Delivered;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_readyAt == _ready.Length)
        {
            if (_passThrough)
            {
                var n = _inner.Read(buffer);
                _innerPosition += n;
                Delivered += n;
                return n;
            }

            if (_finished || !FillNext())
            {
                return 0;
            }
        }

        var count = Math.Min(buffer.Length, _ready.Length - _readyAt);
        _ready.AsSpan(_readyAt, count).CopyTo(buffer);
        _readyAt += count;
        Delivered += count;
        return count;
    }

    /// <summary>Reads the next whole unit (header or object) into the ready buffer; false at the end.</summary>
    private bool FillNext()
    {
        _pending.SetLength(0);
        var start = _innerPosition;
        string kind;
        bool complete;
        if (!_started)
        {
            _started = true;
            kind = "header";
            complete = ReadHeader(out var understood);
            if (complete && !understood)
            {
                return Hand(passThrough: true);
            }
        }
        else
        {
            if (!Take(1))
            {
                // The file stops exactly between objects, without its end tag.
                Truncation = ("end-of-trace tag", start, _innerPosition);
                return EndWithTag();
            }

            var tag = _pending.GetBuffer()[0];
            if (tag == NullReference)
            {
                _finished = true;
                return Hand(passThrough: false);
            }

            if (tag != BeginPrivateObject)
            {
                return Hand(passThrough: true);
            }

            complete = ReadObject(out kind, out var understood);
            if (complete && !understood)
            {
                return Hand(passThrough: true);
            }
        }

        if (!complete)
        {
            Truncation = (kind, start, _innerPosition);
            _pending.SetLength(0);
            return EndWithTag();
        }

        return Hand(passThrough: false);
    }

    private bool ReadHeader(out bool understood)
    {
        understood = false;
        if (!Take(12))
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(_pending.GetBuffer().AsSpan(8));
        if (length is <= 0 or > 256 || !Take(length))
        {
            return length is <= 0 or > 256;
        }

        understood = Encoding.ASCII.GetString(_pending.GetBuffer(), 12, length) == "!FastSerialization.1";
        return true;
    }

    /// <summary>After the begin tag: type (begin tag, null tag, version, minimum reader version, name, end tag), payload, end tag.</summary>
    private bool ReadObject(out string kind, out bool understood)
    {
        kind = "object";
        understood = false;
        if (!Take(2 + 4 + 4 + 4))
        {
            return false;
        }

        var head = _pending.GetBuffer().AsSpan(1);
        if (head[0] != BeginPrivateObject || head[1] != NullReference)
        {
            return true;
        }

        var nameLength = BinaryPrimitives.ReadInt32LittleEndian(head[10..]);
        if (nameLength is <= 0 or > 256)
        {
            return true;
        }

        if (!Take(nameLength + 1))
        {
            return false;
        }

        var buffer = _pending.GetBuffer();
        kind = Encoding.ASCII.GetString(buffer, 15, nameLength);
        if (buffer[15 + nameLength] != EndObject)
        {
            return true;
        }

        if (kind == "Trace")
        {
            understood = true;
            return Take(TracePayloadBytes + 1);
        }

        if (!kind.EndsWith("Block", StringComparison.Ordinal))
        {
            return true;
        }

        if (!Take(4))
        {
            return false;
        }

        var size = BinaryPrimitives.ReadInt32LittleEndian(_pending.GetBuffer().AsSpan((int)_pending.Length - 4));
        if (size is < 0 or > MaxObjectBytes)
        {
            return true;
        }

        // Block contents start at the next multiple of four bytes from the start of the file.
        var padding = (int)((4 - (_innerPosition % 4)) % 4);
        understood = true;
        return Take(padding + size + 1);
    }

    /// <summary>Appends <paramref name="count"/> bytes from the file to the pending unit; false if the file ends first.</summary>
    private bool Take(int count)
    {
        var at = (int)_pending.Length;
        _pending.SetLength(at + count);
        var got = _inner.ReadAtLeast(_pending.GetBuffer().AsSpan(at, count), count, throwOnEndOfStream: false);
        _innerPosition += got;
        _pending.SetLength(at + got);
        return got == count;
    }

    private bool Hand(bool passThrough)
    {
        _ready = _pending.ToArray();
        _readyAt = 0;
        _passThrough = passThrough;
        return true;
    }

    private bool EndWithTag()
    {
        _finished = true;
        _ready = [NullReference];
        _readyAt = 0;
        return true;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pending.Dispose();
        }

        base.Dispose(disposing);
    }
}
