using System.Text;

namespace Diagnose.Ingest.Decoding;

/// <summary>
/// A decoder fallback that replaces each invalid byte sequence with U+FFFD, as the default one does, and
/// remembers how many it replaced and the absolute offset of the first, so the damage is reported instead of
/// passing silently.
/// </summary>
internal sealed class ReplacementCounter(TextEncoding encoding) : DecoderFallback
{
    /// <summary>Absolute offset in the input of the first byte handed to the decoder in the current call.</summary>
    public long ChunkStart { get; set; }

    public long Replaced { get; private set; }

    public long? FirstOffset { get; private set; }

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private void Record(byte[] bytes, int index)
    {
        // The UTF-16 decoder finds a high surrogate unpaired only at the next code unit and reports that position.
        var high = bytes.Length != 2 ? 0 : encoding switch
        {
            TextEncoding.Utf16LittleEndian => bytes[1],
            TextEncoding.Utf16BigEndian => bytes[0],
            _ => 0,
        };
        var unpairedHigh = (high & 0xFC) == 0xD8;
        Replaced++;
        FirstOffset ??= ChunkStart + index - (unpairedHigh ? bytes.Length : 0);
    }

    private sealed class Buffer(ReplacementCounter owner) : DecoderFallbackBuffer
    {
        private int _remaining;

        public override int Remaining => _remaining;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.Record(bytesUnknown, index);
            _remaining = 1;
            return true;
        }

        public override char GetNextChar()
        {
            if (_remaining == 0)
            {
                return '\0';
            }

            _remaining--;
            return '\uFFFD';
        }

        public override bool MovePrevious()
        {
            if (_remaining != 0)
            {
                return false;
            }

            _remaining = 1;
            return true;
        }

        public override void Reset() => _remaining = 0;
    }
}
