using System.Collections.Concurrent;
using Diagnose.Core.Inputs;
using Diagnose.Core.Records;
using Diagnose.Ingest.Evtx.Layout;

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
    private const int FileHeaderSize = EvtxFileHeader.Size;
    private const int ChunkSize = EvtxChunkHeader.ChunkSize;

    /// <summary>The format id shown in reports: <c>evtx</c>.</summary>
    public string Format => "evtx";

    /// <summary>Also carve records from chunk slack and from chunks without a valid header (see README).</summary>
    public bool Recover { get; init; }

    /// <summary>Chunks decoded at once; with the chunks waiting to be yielded this bounds memory.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

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

    /// <summary>
    /// The reading thread reads chunks in order and hands each to a worker; results are yielded strictly in
    /// file order, and at most <see cref="Parallelism"/> + 1 chunks are in flight, so memory stays flat.
    /// </summary>
    private IEnumerable<EvtxXmlRecord> ReadCore(Stream stream, string source, InputSummary summary, bool xml, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(summary);
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
        var headerMissing = !EvtxFileHeader.HasSignature(header);
        EvtxFileHeader? declared = !headerMissing && EvtxFileHeader.ChecksumMatches(header) ? EvtxFileHeader.Read(header) : null;
        long? highest = null;

        var recover = Recover;
        var decoders = new ConcurrentBag<ChunkDecoder>();
        var spare = new ConcurrentBag<ChunkResult>();
        var inFlight = new Queue<Task<ChunkResult>>();
        var limit = Math.Max(1, Parallelism);
        long offset = FileHeaderSize;
        var index = 0;
        var end = false;
        while (!end || inFlight.Count > 0)
        {
            while (!end && inFlight.Count <= limit)
            {
                ct.ThrowIfCancellationRequested();
                var result = spare.TryTake(out var r) ? r : new ChunkResult { Buffer = new byte[ChunkSize] };
                try
                {
                    n = StreamUtil.ReadFull(stream, result.Buffer, ChunkSize);
                }
                catch (IOException ex)
                {
                    summary.AddProblem(new InputProblem($"read error: {ex.Message}", offset));
                    end = true;
                    break;
                }

                if (n > 0 && headerMissing && !LooksLikeChunk(result.Buffer, n))
                {
                    // No file signature and no chunk here: damage over the first chunks, or a foreign file. Only a later
                    // chunk signature tells them apart; the bytes up to it are skipped with one problem, never one per block.
                    var from = offset;
                    try
                    {
                        do
                        {
                            offset += n;
                            index++;
                            n = StreamUtil.ReadFull(stream, result.Buffer, ChunkSize);
                        }
                        while (n > 0 && !EvtxChunkHeader.HasSignature(result.Buffer.AsSpan(0, n)));
                    }
                    catch (IOException ex)
                    {
                        summary.AddProblem(new InputProblem($"read error: {ex.Message}", offset));
                        n = 0;
                    }

                    if (n > 0)
                    {
                        summary.AddProblem(new InputProblem($"no chunk at offset {from}: {offset - from} bytes skipped up to the chunk signature at offset {offset}", from));
                    }
                }

                if (n == 0)
                {
                    spare.Add(result);
                    end = true;
                    break;
                }

                headerMissing &= StreamUtil.IsAllZero(result.Buffer.AsSpan(0, n)); // a zeroed chunk before the first one proves nothing

                var (length, at, i) = (n, offset, index);
                inFlight.Enqueue(limit == 1
                    ? Task.FromResult(DecodeChunk(result, length, at, i))
                    : Task.Run(() => DecodeChunk(result, length, at, i), ct));
                end = n < ChunkSize;
                offset += n;
                index++;
            }

            if (inFlight.Count == 0)
            {
                break;
            }

            var done = inFlight.Dequeue().GetAwaiter().GetResult();
            foreach (var p in done.Problems)
            {
                summary.AddProblem(p);
            }

            summary.Skipped += done.Skipped;
            highest = done.HighestNumber is long h && h > (highest ?? long.MinValue) ? h : highest;
            foreach (var record in done.Records)
            {
                yield return record;
            }

            done.Clear();
            spare.Add(done);
        }

        if (declared is EvtxFileHeader fileHeader)
        {
            ReportMissingChunks(fileHeader, offset, index, highest, summary);
        }

        ChunkResult DecodeChunk(ChunkResult result, int length, long at, int i)
        {
            var decoder = decoders.TryTake(out var d) ? d : new ChunkDecoder(source, xml, recover);
            decoder.Decode(result.Buffer, length, at, i, result);
            decoders.Add(decoder);
            return result;
        }
    }

    /// <summary>A chunk signature, or a damaged one over an intact first record; an all-zero chunk is left to the decoder.</summary>
    private static bool LooksLikeChunk(byte[] buffer, int length)
    {
        var span = buffer.AsSpan(0, length);
        return EvtxChunkHeader.HasSignature(span) || EvtxRecordHeader.IsRecordAt(span, EvtxChunkHeader.Size) || StreamUtil.IsAllZero(span);
    }

    /// <summary>
    /// A file that ends before the chunks its (sound) header declares is cut short: the missing chunks are reported with
    /// the offset where the file ends, and the records the header still declares beyond the highest one accounted for
    /// (next record identifier − 1) count as unreadable. When the log has wrapped (its oldest chunk is not the first)
    /// the older chunks' records cannot be reckoned, so only the newer ones are counted and the problem says so.
    /// </summary>
    private static void ReportMissingChunks(EvtxFileHeader header, long fileEnd, int chunksPresent, long? highest, InputSummary summary)
    {
        var expectedEnd = FileHeaderSize + ((long)header.ChunkCount * ChunkSize);
        if (fileEnd >= expectedEnd)
        {
            return;
        }

        var full = (int)((fileEnd - FileHeaderSize) / ChunkSize);
        var cutShort = chunksPresent > full ? 1 : 0;
        var missingChunks = header.ChunkCount - full - cutShort;
        var missingRecords = Math.Max(0L, (long)Math.Min(header.NextRecord, (ulong)long.MaxValue) - 1 - (highest ?? 0));
        var wrapped = header.FirstChunk != 0;
        summary.Skipped += missingRecords;
        summary.AddProblem(new InputProblem(
            $"file ends at offset {fileEnd}: the header declares {header.ChunkCount} chunks, {full} complete"
            + (cutShort > 0 ? " and 1 cut short" : string.Empty)
            + $" ({missingChunks} missing); {missingRecords} declared record(s) missing"
            + (wrapped ? ", more in the older chunks of this wrapped log" : string.Empty),
            fileEnd));
    }

    /// <summary>Checks magic and checksum. Dirty flags and stale chunk counts are normal for copied live logs.</summary>
    private static bool CheckFileHeader(byte[] header, int length, InputSummary summary)
    {
        if (length == 0)
        {
            summary.AddProblem(new InputProblem("empty file", 0));
            return false;
        }

        if (length < EvtxFileHeader.UsedSize || !EvtxFileHeader.HasSignature(header))
        {
            summary.AddProblem(new InputProblem("not an EVTX file: no ElfFile signature", 0));
            return length == FileHeaderSize; // a damaged header may still be followed by good chunks
        }

        if (!EvtxFileHeader.ChecksumMatches(header))
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
}
