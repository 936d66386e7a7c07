using System.Text;

namespace Diagnose.Ingest.Decoding;

/// <summary>
/// Decodes a text input (UTF-8, or UTF-16 after its byte order mark) like a <see cref="StreamReader"/>, but
/// counts the invalid byte sequences it replaces with U+FFFD and reports them once, at the end of the input or
/// when the reader stops early, as one problem with the offset of the first bad sequence.
/// </summary>
internal sealed class CheckedTextReader : TextReader
{
    private const int ChunkBytes = 1 << 16;

    private readonly Stream _stream;
    private readonly ReadContext _context;
    private readonly byte[] _bytes = new byte[ChunkBytes];
    private char[] _chars = [];
    private Decoder? _decoder;
    private ReplacementCounter? _counter;
    private TextEncoding _encoding;
    private int _charPos;
    private int _charLen;
    private long _offset;
    private bool _eof;
    private bool _reported;

    public CheckedTextReader(Stream stream, ReadContext context)
    {
        _stream = stream;
        _context = context;
    }

    public override int Peek() => _charPos < _charLen || Fill() ? _chars[_charPos] : -1;

    public override int Read() => _charPos < _charLen || Fill() ? _chars[_charPos++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || (_charPos == _charLen && !Fill()))
        {
            return 0;
        }

        var n = Math.Min(buffer.Length, _charLen - _charPos);
        _chars.AsSpan(_charPos, n).CopyTo(buffer);
        _charPos += n;
        return n;
    }

    public override string? ReadLine()
    {
        if (_charPos == _charLen && !Fill())
        {
            return null;
        }

        StringBuilder? pending = null;
        while (true)
        {
            var rest = _chars.AsSpan(_charPos, _charLen - _charPos);
            var end = rest.IndexOfAny('\r', '\n');
            if (end >= 0)
            {
                var line = pending is null ? new string(rest[..end]) : pending.Append(rest[..end]).ToString();
                _charPos += end + 1;
                if (rest[end] == '\r' && Peek() == '\n')
                {
                    _charPos++;
                }

                return line;
            }

            (pending ??= new StringBuilder()).Append(rest);
            _charPos = _charLen;
            if (!Fill())
            {
                return pending.ToString();
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        // A reader that stops early (truncated XML, a bad JSON token) still reports what it decoded.
        if (disposing)
        {
            Report();
        }

        base.Dispose(disposing);
    }

    private bool Fill()
    {
        while (!_eof)
        {
            var start = 0;
            int read;
            if (_decoder is null)
            {
                read = _stream.ReadAtLeast(_bytes, 4, throwOnEndOfStream: false);
                start = Start(read);
            }
            else
            {
                read = _stream.Read(_bytes, 0, _bytes.Length);
            }

            _counter!.ChunkStart = _offset + start;
            _charLen = _decoder!.GetChars(_bytes, start, read - start, _chars, 0, flush: read == 0);
            _charPos = 0;
            _offset += read;
            if (read == 0)
            {
                _eof = true;
                Report();
            }

            if (_charLen > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Picks the encoding from the byte order mark, as StreamReader does, and returns the mark's length.</summary>
    private int Start(int read)
    {
        var head = _bytes.AsSpan(0, read);
        (_encoding, var bom, Encoding encoding) = head switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (TextEncoding.Utf8, 3, (Encoding)new UTF8Encoding(false)),
            [0xFF, 0xFE, ..] => (TextEncoding.Utf16LittleEndian, 2, new UnicodeEncoding(false, false)),
            [0xFE, 0xFF, ..] => (TextEncoding.Utf16BigEndian, 2, new UnicodeEncoding(true, false)),
            _ => (TextEncoding.Utf8, 0, new UTF8Encoding(false)),
        };
        _counter = new ReplacementCounter(_encoding);
        var checkedEncoding = (Encoding)encoding.Clone();
        checkedEncoding.DecoderFallback = _counter;
        _decoder = checkedEncoding.GetDecoder();
        _chars = new char[checkedEncoding.GetMaxCharCount(ChunkBytes) + 8];
        return bom;
    }

    private void Report()
    {
        if (_reported || _counter is not { FirstOffset: { } first } counter)
        {
            return;
        }

        _reported = true;
        var name = _encoding == TextEncoding.Utf8 ? "UTF-8" : "UTF-16";
        _context.Problem($"invalid {name}: {counter.Replaced} byte sequence(s) could not be decoded and were replaced by U+FFFD (the first is here); values that hold them may be wrong", offset: first);
    }
}
