using System.Text;
using Diagnose.Core.Records;
using Diagnose.Ingest.Evtx.BinXml;
using Diagnose.Ingest.Evtx.Counting;
using Diagnose.Ingest.Evtx.Layout;

namespace Diagnose.Ingest.Evtx;

/// <summary>
/// Decodes one chunk at a time: checks, record walk, resynchronisation after damage and, on request, carving
/// of records from the chunk's slack. Holds parser caches and reused buffers, so one decoder serves one thread.
/// </summary>
internal sealed class ChunkDecoder
{
    private const int ChunkSize = EvtxChunkHeader.ChunkSize;

    private readonly string _source;
    private readonly bool _xml;
    private readonly bool _recover;
    private readonly BinXmlParser _parser;
    private readonly RecordBuilder _builder;
    private readonly List<BxNode> _roots = new(2);
    private readonly ValueSet _values = new();
    private readonly BxNode _instance = new();
    private readonly StringBuilder _sb = new(4096);
    private readonly List<WalkEntry> _walk = new(256);

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
        var signed = EvtxChunkHeader.HasSignature(span);
        if (length < EvtxChunkHeader.Size || !signed)
        {
            // A damaged signature over a chunk whose first record is intact is one damaged field, not a foreign chunk.
            if (length >= EvtxChunkHeader.Size && EvtxRecordHeader.IsRecordAt(span, EvtxChunkHeader.Size))
            {
                DecodeChunk(b, length, fileOffset, index, output, signatureOk: false);
                return;
            }

            if (!StreamUtil.IsAllZero(span))
            {
                var what = length < EvtxChunkHeader.Size
                    ? signed ? $"chunk cut inside its header by the end of the file at offset {fileOffset + length}" : "truncated chunk"
                    : "chunk without ElfChnk signature";
                output.Problem(_recover ? $"{what} (chunk {index}): records carved from it are marked recovered" : $"{what} (chunk {index}) skipped", fileOffset);
                if (_recover)
                {
                    _parser.BeginChunk(b, length);
                    Carve(b, length, 0, fileOffset, index, output, null, []);
                }
            }

            return;
        }

        DecodeChunk(b, length, fileOffset, index, output, signatureOk: true);
    }

    private void DecodeChunk(byte[] b, int length, long fileOffset, int index, ChunkResult output, bool signatureOk)
    {
        var span = new ReadOnlySpan<byte>(b, 0, length);
        var h = EvtxChunkHeader.Read(span);
        var headerOk = signatureOk && EvtxChunkHeader.ComputeHeaderChecksum(span) == h.HeaderChecksum;
        var truncated = length < ChunkSize;
        var free = h.FreeSpaceOffset;
        var freeOk = free >= EvtxChunkHeader.Size && free <= ChunkSize;
        var dataOk = freeOk && free <= length && Crc32.Compute(span[EvtxChunkHeader.Size..free]) == h.RecordsChecksum;
        var recovered = !headerOk || !dataOk;
        var lastOffsetOk = h.LastRecordOffset >= EvtxChunkHeader.Size && h.LastRecordOffset <= ChunkSize - EvtxRecordHeader.MinRecordSize;

        // Where records may start. A sound header's last-record offset is the bound (records past it are stale or
        // half written). A damaged header is one damaged field: the records checksum vouches for the free-space
        // offset, else a record at the last-record offset vouches for that; failing both, follow the signatures.
        int lastStart;
        var resync = true;
        if (headerOk && lastOffsetOk)
        {
            lastStart = h.LastRecordOffset;
        }
        else if (dataOk)
        {
            lastStart = free - EvtxRecordHeader.MinRecordSize;
        }
        else if (lastOffsetOk && EvtxRecordHeader.IsRecordAt(span, h.LastRecordOffset))
        {
            lastStart = h.LastRecordOffset;
        }
        else
        {
            lastStart = (freeOk ? Math.Min(free, length) : length) - EvtxRecordHeader.MinRecordSize;
            resync = false;
        }

        var recordsEnd = !headerOk && dataOk ? free : length;
        var bounded = span[..recordsEnd];
        _parser.BeginChunk(b, length);
        _walk.Clear();
        var pos = EvtxChunkHeader.Size;
        var gap = false;
        var trailingGaps = 0;
        var cutAt = -1;
        var guard = (length / EvtxRecordHeader.Size) + 1;
        var firstRecord = output.Records.Count;
        while (pos <= lastStart && guard-- > 0)
        {
            if (!EvtxRecordHeader.IsRecordAt(bounded, pos))
            {
                if (truncated && RunsPastEnd(span, pos))
                {
                    cutAt = pos;
                    break;
                }

                if (!resync)
                {
                    break;
                }

                // Inside the records: resynchronise on the next record signature.
                var next = EvtxRecordHeader.Find(bounded, pos + 1, lastStart);
                output.Problem($"bad record signature or size in chunk {index}", fileOffset + pos);
                if (next < 0)
                {
                    trailingGaps++;
                    break;
                }

                pos = next;
                gap = true;
                continue;
            }

            var header = EvtxRecordHeader.Read(span, pos);
            var decoded = true;
            try
            {
                output.Records.Add(DecodeRecord(b, pos, header, fileOffset + pos, recovered));
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IndexOutOfRangeException or OverflowException or InvalidOperationException)
            {
                decoded = false;
                output.Problem($"record {header.Number} unreadable: {ex.Message}", fileOffset + pos);
            }

            _walk.Add(new WalkEntry(pos, header.Number, decoded, gap));
            gap = false;
            pos += header.RecordSize;
        }

        var range = ChunkReconciler.ChooseRange(new RecordRange(h.FirstNumber, h.LastNumber), new RecordRange(h.FirstIdentifier, h.LastIdentifier), headerOk, _walk);
        var tally = ChunkReconciler.Reconcile(_walk, range, trailingGaps);
        output.Skipped += tally.Unreadable;
        output.HighestNumber = tally.Highest;
        foreach (var (offset, found, expected) in tally.Misnumbered)
        {
            output.Problem($"record number {found} disagrees with its position in chunk {index} (the records around it make it {expected}); counted once", fileOffset + offset);
        }

        var yielded = output.Records.Count - firstRecord;
        if (truncated)
        {
            var missing = tally.Missing;
            output.Problem(
                $"chunk {index} cut by the end of the file at offset {fileOffset + length}: {yielded} record(s) read"
                + (recovered && yielded > 0 ? ", marked recovered" : string.Empty)
                + (range is null ? string.Empty : $", {missing} of its {range.Value.Count} declared record(s) missing"),
                fileOffset + (cutAt >= 0 ? cutAt : length));
        }
        else if (recovered)
        {
            var why = !signatureOk ? "chunk signature damaged"
                : !headerOk ? "chunk header checksum mismatch"
                : !freeOk ? "chunk free-space offset out of range"
                : "chunk records checksum mismatch";
            output.Problem(yielded > 0 ? $"{why} (chunk {index}); its {yielded} record(s) read are marked recovered" : $"{why} (chunk {index}); none of its records could be read", fileOffset);
        }

        if (_recover)
        {
            Carve(b, length, Math.Max(pos, EvtxChunkHeader.Size), fileOffset, index, output, range, tally.Filled);
        }
    }

    /// <summary>A record (or its header) that starts at <paramref name="pos"/> but would end past the bytes present.</summary>
    private static bool RunsPastEnd(ReadOnlySpan<byte> span, int pos)
    {
        if (pos > span.Length - EvtxRecordHeader.Size)
        {
            return true;
        }

        var size = EvtxRecordHeader.Read(span, pos).RecordSize;
        return span[pos..].StartsWith(EvtxRecordHeader.Signature) && size > span.Length - pos && size <= ChunkSize - pos;
    }

    /// <summary>
    /// Carving (--recover): every place from <paramref name="from"/> to the end of the chunk that holds a record
    /// signature with a plausible size and a matching size copy is decoded as a record, marked recovered; one
    /// that then fails to decode counts as unreadable. Carved records use the chunk's templates by offset.
    /// A carved record that fills a declared slot the walk left unfilled was already counted as unreadable, so it
    /// moves from unreadable to recovered instead of being counted twice.
    /// </summary>
    private void Carve(byte[] b, int length, int from, long fileOffset, int index, ChunkResult output, RecordRange? range, HashSet<long> filled)
    {
        var span = new ReadOnlySpan<byte>(b, 0, length);
        var carved = 0;
        var pos = EvtxRecordHeader.Find(span, from, length - 1);
        while (pos >= 0)
        {
            var header = EvtxRecordHeader.Read(span, pos);
            try
            {
                output.Records.Add(DecodeRecord(b, pos, header, fileOffset + pos, recovered: true));
                carved++;
                if (range?.Contains(header.Number) == true && filled.Add(header.Number))
                {
                    output.Skipped--;
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IndexOutOfRangeException or OverflowException or InvalidOperationException)
            {
                if (range?.Contains(header.Number) != true || filled.Contains(header.Number))
                {
                    output.Skipped++;
                }

                output.Problem($"carved record {header.Number} in chunk {index} unreadable: {ex.Message}", fileOffset + pos);
            }

            pos = EvtxRecordHeader.Find(span, pos + header.RecordSize, length - 1);
        }

        if (carved > 0)
        {
            output.Problem($"{carved} record(s) carved from the slack of chunk {index}", fileOffset + from);
        }
    }

    private EvtxXmlRecord DecodeRecord(byte[] b, int pos, EvtxRecordHeader header, long fileOffset, bool recovered)
    {
        var written = ValueFormatter.FileTimeToUtc(header.WrittenFileTime);
        _parser.ParseRecord(pos + EvtxRecordHeader.Size, pos + header.RecordSize - 4, _roots, _values, _instance);
        var record = _builder.Build(_roots, null, header.Number, written, new RecordOrigin(_source, fileOffset), recovered);
        var xml = string.Empty;
        if (_xml)
        {
            _sb.Clear();
            XmlRenderer.Render([.. _roots], null, _parser, _sb, 0);
            xml = _sb.ToString();
        }

        return new EvtxXmlRecord(record, xml, _builder.EventRecordId);
    }
}
