using System.Buffers.Binary;
using System.Collections.Concurrent;
using Diagnose.Core.Inputs;
using Diagnose.Core.Records;

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
    private static readonly byte[] FileMagic = "ElfFile\0"u8.ToArray();
    private static readonly byte[] ChunkMagic = "ElfChnk\0"u8.ToArray();

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
        var headerMissing = !header.AsSpan(0, 8).SequenceEqual(FileMagic);

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

                if (n == 0 || (headerMissing && index == 0 && !result.Buffer.AsSpan(0, 8).SequenceEqual(ChunkMagic)))
                {
                    end = true;
                    break;
                }

                var (length, at, i) = (n, offset, index);
                inFlight.Enqueue(limit == 1
                    ? Task.FromResult(DecodeChunk(result, length, at, i))
                    : Task.Run(() => DecodeChunk(result, length, at, i), ct));
                end = n < ChunkSize;
                offset += ChunkSize;
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
            foreach (var record in done.Records)
            {
                yield return record;
            }

            done.Clear();
            spare.Add(done);
        }

        ChunkResult DecodeChunk(ChunkResult result, int length, long at, int i)
        {
            var decoder = decoders.TryTake(out var d) ? d : new ChunkDecoder(source, xml, recover);
            decoder.Decode(result.Buffer, length, at, i, result);
            decoders.Add(decoder);
            return result;
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
}
