using System.Buffers.Binary;
using System.Text;
using Diagnose.Core.Inputs;
using Diagnose.Core.Records;
using Diagnose.Ingest.Evtx.BinXml;

namespace Diagnose.Ingest.Evtx;

/// <summary>
/// Reads Windows XML Event Log (.evtx) files sequentially: the 4 KiB file header, then 64 KiB chunks until
/// the end of the stream (the header's chunk count is often stale, so it is not trusted). Damage is reported
/// on the <see cref="InputSummary"/> and never thrown: records of chunks failing a checksum are yielded
/// with <see cref="EventRecord.Recovered"/> set, undecodable records are counted as skipped.
/// The caller counts the yielded records; this reader only adds to <see cref="InputSummary.Skipped"/>.
/// </summary>
public sealed class EvtxReader
{
    internal const int FileHeaderSize = 4096;
    internal const int ChunkSize = 65536;
    private const int ChunkHeaderSize = 512;
    private const int RecordHeaderSize = 24;
    private static readonly byte[] FileMagic = "ElfFile\0"u8.ToArray();
    private static readonly byte[] ChunkMagic = "ElfChnk\0"u8.ToArray();

    public string Format => "evtx";

    /// <summary>Reads every record; the stream is read forward only and need not be seekable.</summary>
    public IEnumerable<EventRecord> Read(Stream stream, string source, InputSummary summary, CancellationToken ct = default)
    {
        foreach (var d in ReadCore(stream, source, summary, xml: false, ct))
        {
            yield return d.Record;
        }
    }

    /// <summary>Like <see cref="Read"/>, also rendering each record's event XML (slower).</summary>
    public IEnumerable<EvtxXmlRecord> ReadXml(Stream stream, string source, InputSummary summary, CancellationToken ct = default) =>
        ReadCore(stream, source, summary, xml: true, ct);

    private static IEnumerable<EvtxXmlRecord> ReadCore(Stream stream, string source, InputSummary summary, bool xml, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(summary);
        var decoder = new ChunkDecoder(source, summary, xml);
        var header = new byte[FileHeaderSize];
        int n;
        try
        {
            n = StreamUtil.ReadFull(stream, header, FileHeaderSize);
        }
        catch (IOException ex)
        {
            summary.AddProblem(new InputProblem($"cannot read the file header: {ex.Message}", 0));
            yield break;
        }

        if (!CheckFileHeader(header, n, summary))
        {
            yield break;
        }

        // Without a file signature, go on only if chunks follow: a foreign file must not yield a problem per 64 KiB.
        var headerMissing = !header.AsSpan(0, 8).SequenceEqual(FileMagic);

        var chunk = new byte[ChunkSize];
        var output = new List<EvtxXmlRecord>(256);
        long offset = FileHeaderSize;
        var index = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                n = StreamUtil.ReadFull(stream, chunk, ChunkSize);
            }
            catch (IOException ex)
            {
                summary.AddProblem(new InputProblem($"read error: {ex.Message}", offset));
                yield break;
            }

            if (n == 0 || (headerMissing && index == 0 && !chunk.AsSpan(0, 8).SequenceEqual(ChunkMagic)))
            {
                yield break;
            }

            output.Clear();
            decoder.Decode(chunk, n, offset, index, output);
            foreach (var r in output)
            {
                yield return r;
            }

            if (n < ChunkSize)
            {
                yield break;
            }

            offset += ChunkSize;
            index++;
        }
    }

    /// <summary>Checks magic and checksum. Dirty flags and stale chunk counts are normal for copied live logs.</summary>
    private static bool CheckFileHeader(byte[] header, int length, InputSummary summary)
    {
        if (length == 0)
        {
            summary.AddProblem(new InputProblem("empty file", 0));
            return false;
        }

        if (length < 128 || !header.AsSpan(0, 8).SequenceEqual(FileMagic))
        {
            summary.AddProblem(new InputProblem("not an EVTX file: no ElfFile signature", 0));
            return length == FileHeaderSize; // a damaged header may still be followed by good chunks
        }

        var stored = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(124));
        if (Crc32.Compute(header.AsSpan(0, 120)) != stored)
        {
            summary.AddProblem(new InputProblem("file header checksum mismatch (header fields not trusted)", 0));
        }

        if (length < FileHeaderSize)
        {
            summary.AddProblem(new InputProblem("file truncated inside its header", length));
            return false;
        }

        return true;
    }

    /// <summary>Per-reader state: parser caches, the reused value set, builders.</summary>
    private sealed class ChunkDecoder
    {
        private readonly string _source;
        private readonly InputSummary _summary;
        private readonly bool _xml;
        private readonly BinXmlParser _parser;
        private readonly RecordBuilder _builder;
        private readonly List<BxNode> _roots = new(2);
        private readonly ValueSet _values = new();
        private readonly BxNode _instance = new();
        private readonly StringBuilder _sb = new(4096);

        public ChunkDecoder(string source, InputSummary summary, bool xml)
        {
            _source = source;
            _summary = summary;
            _xml = xml;
            _parser = new BinXmlParser(new StringPool());
            _builder = new RecordBuilder(_parser);
        }

        public void Decode(byte[] b, int length, long fileOffset, int index, List<EvtxXmlRecord> output)
        {
            var span = new ReadOnlySpan<byte>(b, 0, length);
            if (length < ChunkHeaderSize || !span[..8].SequenceEqual(ChunkMagic))
            {
                if (!StreamUtil.IsAllZero(span))
                {
                    var what = length < ChunkHeaderSize ? "truncated chunk" : "chunk without ElfChnk signature";
                    _summary.AddProblem(new InputProblem($"{what} (chunk {index}) skipped", fileOffset));
                }

                return;
            }

            var firstNumber = BinaryPrimitives.ReadInt64LittleEndian(span[24..]); // identifiers: what record headers carry
            var lastNumber = BinaryPrimitives.ReadInt64LittleEndian(span[32..]);
            var lastRecordOffset = BinaryPrimitives.ReadInt32LittleEndian(span[44..]);
            var freeSpace = BinaryPrimitives.ReadInt32LittleEndian(span[48..]);
            var dataCrc = BinaryPrimitives.ReadUInt32LittleEndian(span[52..]);
            var headerCrc = BinaryPrimitives.ReadUInt32LittleEndian(span[124..]);

            var headerOk = Crc32.Append(Crc32.Compute(span[..120]), span[128..ChunkHeaderSize]) == headerCrc;
            var freeOk = freeSpace >= ChunkHeaderSize && freeSpace <= length;
            var truncated = length < ChunkSize;
            var dataOk = !truncated && freeOk && Crc32.Compute(span[ChunkHeaderSize..freeSpace]) == dataCrc;
            var recovered = !headerOk || !dataOk;
            if (recovered)
            {
                var why = truncated ? "chunk truncated by the end of the file"
                    : !headerOk ? "chunk header checksum mismatch"
                    : !freeOk ? "chunk free-space offset out of range"
                    : "chunk records checksum mismatch";
                _summary.AddProblem(new InputProblem($"{why} (chunk {index}); its records are marked recovered", fileOffset));
            }

            _parser.BeginChunk(b, length);

            // Records start no later than the last-record offset; without a usable one, walk until the signatures stop.
            var declaredEnd = lastRecordOffset >= ChunkHeaderSize && lastRecordOffset <= length - RecordHeaderSize;
            var stopAt = declaredEnd ? lastRecordOffset : (freeOk ? freeSpace : length) - 1;
            var pos = ChunkHeaderSize;
            var inRange = 0L;
            var failures = 0L;
            var guard = (length / RecordHeaderSize) + 1;
            while (pos <= stopAt && pos <= length - RecordHeaderSize && guard-- > 0)
            {
                if (!IsRecordAt(span, pos))
                {
                    if (!declaredEnd)
                    {
                        break;
                    }

                    // Inside the declared records: resynchronise on the next valid record signature.
                    failures++;
                    var next = FindRecord(span, pos + 1, stopAt);
                    _summary.AddProblem(new InputProblem($"bad record signature or size in chunk {index}", fileOffset + pos));
                    if (next < 0)
                    {
                        break;
                    }

                    pos = next;
                    continue;
                }

                var size = BinaryPrimitives.ReadInt32LittleEndian(span[(pos + 4)..]);
                var number = BinaryPrimitives.ReadInt64LittleEndian(span[(pos + 8)..]);
                try
                {
                    output.Add(DecodeRecord(b, pos, size, number, fileOffset + pos, recovered));
                    if (number >= firstNumber && number <= lastNumber)
                    {
                        inRange++;
                    }
                }
                catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IndexOutOfRangeException or OverflowException or InvalidOperationException)
                {
                    failures++;
                    _summary.AddProblem(new InputProblem($"record {number} unreadable: {ex.Message}", fileOffset + pos));
                }

                pos += size;
            }

            // Every record the chunk header declares is either yielded or skipped; without a trustworthy range,
            // count the places where decoding failed.
            var declared = lastNumber - firstNumber + 1;
            var rangeOk = headerOk && declared > 0 && declared <= (length - ChunkHeaderSize) / (RecordHeaderSize + 4);
            _summary.Skipped += rangeOk ? Math.Max(declared - inRange, 0) : failures;
        }

        private EvtxXmlRecord DecodeRecord(byte[] b, int pos, int size, long number, long fileOffset, bool recovered)
        {
            var written = ValueFormatter.FileTimeToUtc(BinaryPrimitives.ReadInt64LittleEndian(b.AsSpan(pos + 16)));
            _parser.ParseRecord(pos + RecordHeaderSize, pos + size - 4, _roots, _values, _instance);
            var record = _builder.Build(_roots, null, number, written, new RecordOrigin(_source, fileOffset), recovered);
            var xml = string.Empty;
            if (_xml)
            {
                _sb.Clear();
                XmlRenderer.Render([.. _roots], null, _parser, _sb, 0);
                xml = _sb.ToString();
            }

            return new EvtxXmlRecord(record, xml, _builder.EventRecordId);
        }

        private static bool IsRecordAt(ReadOnlySpan<byte> span, int pos)
        {
            if (pos < 0 || pos > span.Length - RecordHeaderSize - 4 || BinaryPrimitives.ReadUInt32LittleEndian(span[pos..]) != 0x00002A2A)
            {
                return false;
            }

            var size = BinaryPrimitives.ReadInt32LittleEndian(span[(pos + 4)..]);
            return size >= RecordHeaderSize + 4 && size <= span.Length - pos
                && BinaryPrimitives.ReadInt32LittleEndian(span[(pos + size - 4)..]) == size;
        }

        private static int FindRecord(ReadOnlySpan<byte> span, int from, int stopAt)
        {
            for (var p = from; p <= stopAt && p <= span.Length - RecordHeaderSize; p++)
            {
                var rel = span[p..].IndexOf("**\0\0"u8);
                if (rel < 0)
                {
                    return -1;
                }

                p += rel;
                if (p > stopAt)
                {
                    return -1;
                }

                if (IsRecordAt(span, p))
                {
                    return p;
                }
            }

            return -1;
        }
    }
}
