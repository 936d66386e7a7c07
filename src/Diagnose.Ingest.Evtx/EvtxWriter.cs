using Diagnose.Core.Records;
using Diagnose.Ingest.Evtx.Layout;
using Diagnose.Ingest.Evtx.Writing;

namespace Diagnose.Ingest.Evtx;

/// <summary>
/// Writes <see cref="EventRecord"/>s as a Windows XML Event Log (.evtx): a 4 KiB file header, then 64 KiB
/// chunks of template-based binary XML with their string and template tables and CRC32 checksums, as Windows
/// writes them. Records are written one chunk at a time (memory stays flat); the file header, which counts
/// the chunks, is written last, so the stream must be seekable.
/// </summary>
/// <remarks>
/// Record numbers are the records' <see cref="EventRecord.RecordNumber"/> while they increase, otherwise the
/// previous number plus one (EVTX numbers records in ascending order). Not written, because EVTX has no place
/// for them: <see cref="EventRecord.Message"/>, <see cref="EventRecord.Origin"/> and <see cref="EventRecord.Recovered"/>.
/// A null data value is written as an empty one.
/// </remarks>
public static class EvtxWriter
{
    private const int FileHeaderSize = EvtxFileHeader.Size;

    /// <summary>Writes every record and returns how many were written.</summary>
    /// <exception cref="ArgumentException">The stream cannot seek or write, or a record cannot be represented
    /// (a field out of its EVTX range, a string over 32,767 characters, a record larger than a chunk).</exception>
    public static long Write(Stream stream, IEnumerable<EventRecord> records)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(records);
        if (!stream.CanSeek || !stream.CanWrite)
        {
            throw new ArgumentException("the EVTX writer needs a writable, seekable stream (the header is written last)", nameof(stream));
        }

        var origin = stream.Position;
        stream.Write(new byte[FileHeaderSize]);
        var chunk = new ChunkBuilder();
        chunk.Reset();
        long chunks = 0, written = 0;
        ulong previous = 0;
        foreach (var r in records)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(records));
            var number = r.RecordNumber is long n && n > 0 && (ulong)n > previous ? (ulong)n : previous + 1;
            if (!chunk.TryAppend(r, number))
            {
                if (chunk.Count == 0)
                {
                    throw new ArgumentException($"record {number} is too large for a 64 KiB chunk", nameof(records));
                }

                Flush(stream, chunk, ref chunks);
                if (!chunk.TryAppend(r, number))
                {
                    throw new ArgumentException($"record {number} is too large for a 64 KiB chunk", nameof(records));
                }
            }

            previous = number;
            written++;
        }

        if (chunk.Count > 0)
        {
            Flush(stream, chunk, ref chunks);
        }

        var end = stream.Position;
        stream.Position = origin;
        stream.Write(FileHeader(chunks, previous + 1));
        stream.Position = end;
        stream.Flush();
        return written;
    }

    private static void Flush(Stream stream, ChunkBuilder chunk, ref long chunks)
    {
        if (chunks == ushort.MaxValue)
        {
            throw new ArgumentException("more than 65,535 chunks (4 GiB): the EVTX header cannot count them");
        }

        chunk.Finish();
        stream.Write(chunk.Bytes);
        chunk.Reset();
        chunks++;
    }

    private static byte[] FileHeader(long chunks, ulong nextRecord)
    {
        var h = new byte[FileHeaderSize];
        EvtxFileHeader.Write(h, chunks > 0 ? (ulong)(chunks - 1) : 0, nextRecord, (ushort)chunks);
        return h;
    }
}
