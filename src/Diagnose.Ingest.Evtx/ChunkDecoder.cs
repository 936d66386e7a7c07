using System.Buffers.Binary;
using System.Text;
using Diagnose.Core.Records;
using Diagnose.Ingest.Evtx.BinXml;

namespace Diagnose.Ingest.Evtx;

/// <summary>
/// Decodes one chunk at a time: checks, record walk, resynchronisation after damage and, on request, carving
/// of records from the chunk's slack. Holds parser caches and reused buffers, so one decoder serves one thread.
/// </summary>
internal sealed class ChunkDecoder
{
    private const int ChunkSize = EvtxReader.ChunkSize;
    private const int ChunkHeaderSize = 512;
    private const int RecordHeaderSize = 24;
    private static readonly byte[] ChunkMagic = "ElfChnk\0"u8.ToArray();

    private readonly string _source;
    private readonly bool _xml;
    private readonly bool _recover;
    private readonly BinXmlParser _parser;
    private readonly RecordBuilder _builder;
    private readonly List<BxNode> _roots = new(2);
    private readonly ValueSet _values = new();
    private readonly BxNode _instance = new();
    private readonly StringBuilder _sb = new(4096);

    public ChunkDecoder(string source, bool xml, bool recover)
    {
        _source = source;
        _xml = xml;
        _recover = recover;
        _parser = new BinXmlParser(new StringPool());
        _builder = new RecordBuilder(_parser);
    }

    public void Decode(byte[] b, int length, long fileOffset, int index, ChunkResult output)
    {
        var span = new ReadOnlySpan<byte>(b, 0, length);
        if (length < ChunkHeaderSize || !span[..8].SequenceEqual(ChunkMagic))
        {
            if (!StreamUtil.IsAllZero(span))
            {
                var what = length < ChunkHeaderSize ? "truncated chunk" : "chunk without ElfChnk signature";
                output.Problem(_recover ? $"{what} (chunk {index}): records carved from it are marked recovered" : $"{what} (chunk {index}) skipped", fileOffset);
                if (_recover)
                {
                    _parser.BeginChunk(b, length);
                    Carve(b, length, 0, fileOffset, index, output);
                }
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
            output.Problem($"{why} (chunk {index}); its records are marked recovered", fileOffset);
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
                output.Problem($"bad record signature or size in chunk {index}", fileOffset + pos);
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
                output.Records.Add(DecodeRecord(b, pos, size, number, fileOffset + pos, recovered));
                if (number >= firstNumber && number <= lastNumber)
                {
                    inRange++;
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IndexOutOfRangeException or OverflowException or InvalidOperationException)
            {
                failures++;
                output.Problem($"record {number} unreadable: {ex.Message}", fileOffset + pos);
            }

            pos += size;
        }

        // Every record the chunk header declares is either yielded or skipped; without a trustworthy range,
        // count the places where decoding failed.
        var declared = lastNumber - firstNumber + 1;
        var rangeOk = headerOk && declared > 0 && declared <= (length - ChunkHeaderSize) / (RecordHeaderSize + 4);
        output.Skipped += rangeOk ? Math.Max(declared - inRange, 0) : failures;
        if (_recover)
        {
            Carve(b, length, Math.Max(pos, ChunkHeaderSize), fileOffset, index, output);
        }
    }

    /// <summary>
    /// Carving (--recover): every place from <paramref name="from"/> to the end of the chunk that holds a record
    /// signature with a plausible size and a matching size copy is decoded as a record, marked recovered; one
    /// that then fails to decode counts as unreadable. Carved records use the chunk's templates by offset.
    /// </summary>
    private void Carve(byte[] b, int length, int from, long fileOffset, int index, ChunkResult output)
    {
        var span = new ReadOnlySpan<byte>(b, 0, length);
        var carved = 0;
        var pos = FindRecord(span, from, length - 1);
        while (pos >= 0)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(span[(pos + 4)..]);
            var number = BinaryPrimitives.ReadInt64LittleEndian(span[(pos + 8)..]);
            try
            {
                output.Records.Add(DecodeRecord(b, pos, size, number, fileOffset + pos, recovered: true));
                carved++;
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IndexOutOfRangeException or OverflowException or InvalidOperationException)
            {
                output.Skipped++;
                output.Problem($"carved record {number} in chunk {index} unreadable: {ex.Message}", fileOffset + pos);
            }

            pos = FindRecord(span, pos + size, length - 1);
        }

        if (carved > 0)
        {
            output.Problem($"{carved} record(s) carved from the slack of chunk {index}", fileOffset + from);
        }
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
