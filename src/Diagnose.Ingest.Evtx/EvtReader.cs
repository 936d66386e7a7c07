using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Diagnose.Core.Inputs;
using Diagnose.Core.Records;
using Diagnose.Ingest.Evtx.BinXml;
using Diagnose.Ingest.Evtx.Layout;

namespace Diagnose.Ingest.Evtx;

/// <summary>
/// Reads legacy Windows NT/2000/XP/2003 event logs (.evt): an ELF_LOGFILE header and EVENTLOGRECORDs in a
/// circular buffer. Records are followed from the header's start offset, wrapping from the end of the file
/// back to just after the header, until the end-of-file record or the first invalid record. When the log is
/// dirty (not closed cleanly), the walk stopped at damage, or <see cref="Recover"/> is set, the space the walk
/// did not cover is scanned for further "LfLe" records, which are yielded with <see cref="EventRecord.Recovered"/> set.
/// </summary>
/// <remarks>
/// EventType maps to Level as Windows maps classic events: error 2, warning 3, information and success 4.
/// Audit success and audit failure both map to 0 ("log always"), as the Security channel records audits in
/// EVTX; the outcome is not a severity. The file is read with seeks through one 64 KiB block, so memory stays
/// flat; a stream that cannot seek is first copied to a temporary file (deleted on close).
/// </remarks>
public sealed class EvtReader
{
    private const int HeaderSize = EvtFileHeader.Size;
    private const int FixedRecordSize = EvtRecordHeader.Size;
    private const int EofRecordSize = EvtEofRecord.Size;
    private const uint Signature = EvtFileHeader.SignatureValue;

    /// <summary>The format id shown in reports: <c>evt</c>.</summary>
    public string Format => "evt";

    /// <summary>Scan the space outside the walked records even in a clean log (forensic carving).</summary>
    public bool Recover { get; init; }

    /// <summary>Reads every record it can from <paramref name="stream"/>, lazily; each problem goes to <paramref name="summary"/> with its offset, never thrown.</summary>
    public IEnumerable<EventRecord> Read(Stream stream, string source, InputSummary summary, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(summary);
        Stream? copy = null;
        try
        {
            if (!stream.CanSeek)
            {
                copy = CopyToTemp(stream, summary);
                if (copy is null)
                {
                    yield break;
                }
            }

            var walker = new Walker(new RandomAccessReader(copy ?? stream), source, summary, Recover, ct);
            foreach (var r in walker.Run())
            {
                yield return r;
            }
        }
        finally
        {
            copy?.Dispose();
        }
    }

    private static FileStream? CopyToTemp(Stream stream, InputSummary summary)
    {
        FileStream? temp = null;
        try
        {
            temp = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            stream.CopyTo(temp);
            temp.Position = 0;
            return temp;
        }
        catch (IOException ex)
        {
            temp?.Dispose();
            summary.AddProblem(new InputProblem($"read error: {ex.Message}", 0));
            return null;
        }
    }

    private sealed class Walker(RandomAccessReader d, string source, InputSummary summary, bool recover, CancellationToken ct)
    {
        private readonly StringPool _pool = new();
        private readonly List<(long From, long To)> _covered = [];
        private byte[] _scratch = new byte[4096];
        private (uint Next, uint Oldest)? _eof;
        private readonly EvtRecordTally _tally = new();

        private long Length => d.Length;

        public IEnumerable<EventRecord> Run()
        {
            var headerBytes = new byte[HeaderSize];
            if (Length >= HeaderSize)
            {
                d.Read(0, headerBytes);
            }

            if (Length < HeaderSize || !EvtFileHeader.IsHeader(headerBytes))
            {
                summary.AddProblem(new InputProblem(Length == 0 ? "empty file" : "not an EVT file: no LfLe header", 0));
                if (Length >= HeaderSize + FixedRecordSize)
                {
                    foreach (var r in Scan())
                    {
                        yield return r;
                    }
                }

                yield break;
            }

            var header = EvtFileHeader.Read(headerBytes);
            var dirty = header.IsDirty;
            var walked = true;
            foreach (var r in Walk(header.StartOffset, ok => walked = ok))
            {
                yield return r;
            }

            if (dirty || !walked || recover)
            {
                foreach (var r in Scan())
                {
                    yield return r;
                }
            }

            // A dirty log's header numbers are stale; its end-of-file record, when the walk reached one, is not.
            // A log cut short may still declare as many records as its maximum size can hold.
            var capacity = (Math.Max(Length, header.MaxSize) - HeaderSize) / FixedRecordSize;
            if (_tally.Missing(dirty ? null : (header.CurrentRecordNumber, header.OldestRecordNumber), _eof, capacity) is { } missing)
            {
                summary.Skipped += missing.Count;
                summary.AddProblem(new InputProblem(missing.Message, EvtFileHeader.CurrentRecordNumberField));
            }
        }

        /// <summary>Follows records from the start offset; reports false when it stopped at damage.</summary>
        private IEnumerable<EventRecord> Walk(long start, Action<bool> finished)
        {
            if (start < HeaderSize || start >= Length)
            {
                summary.AddProblem(new InputProblem("header start offset outside the file", EvtFileHeader.StartOffsetField));
                finished(false);
                yield break;
            }

            var pos = start;
            long consumed = 0;
            var capacity = Length - HeaderSize;
            while (consumed < capacity)
            {
                ct.ThrowIfCancellationRequested();

                // Too little room for a record length at the end: the writer wrapped to just after the header.
                if (Length - pos < 4)
                {
                    consumed += Length - pos;
                    pos = HeaderSize;
                    continue;
                }

                var size = d.U32(pos);
                if (size == EofRecordSize && IsEofRecord(pos))
                {
                    var eof = EvtEofRecord.Read(Circular(pos, EofRecordSize));
                    _eof = (eof.CurrentRecordNumber, eof.OldestRecordNumber);
                    finished(true);
                    yield break;
                }

                if (size == 0x27 && (pos + 8 > Length || d.U32(pos + 4) != Signature))
                {
                    // Filler written at the end of the buffer before wrapping.
                    consumed += Length - pos;
                    pos = HeaderSize;
                    continue;
                }

                if (size < FixedRecordSize || size > capacity || size % 4 != 0)
                {
                    summary.AddProblem(new InputProblem($"invalid record size {size}; walk stopped", pos));
                    finished(false);
                    yield break;
                }

                var record = Circular(pos, (int)size);
                if (!EvtRecordHeader.HasSignature(record)
                    || BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan((int)size - 4)) != size)
                {
                    summary.AddProblem(new InputProblem("record without LfLe signature or matching size; walk stopped", pos));
                    finished(false);
                    yield break;
                }

                Cover(pos, size);
                if (Emit(record.AsSpan(0, (int)size), pos, recovered: false) is { } r)
                {
                    yield return r;
                }

                consumed += size;
                pos = pos + size >= Length ? HeaderSize + (pos + size - Length) : pos + size;
            }

            finished(true);
        }

        /// <summary>Looks for "LfLe" records in the bytes the walk did not cover (only unwrapped records).</summary>
        private IEnumerable<EventRecord> Scan()
        {
            var pos = (long)HeaderSize;
            while (pos <= Length - FixedRecordSize)
            {
                ct.ThrowIfCancellationRequested();
                var sig = FindSignature(pos + 4);
                if (sig < 0)
                {
                    break;
                }

                var at = sig - 4;
                pos = at + 1;
                if (IsCovered(at))
                {
                    continue;
                }

                var size = d.U32(at);
                if (size < FixedRecordSize || size > Length - at || size % 4 != 0
                    || d.U32(at + size - 4) != size || IsCovered(at + size - 1))
                {
                    continue;
                }

                var record = Circular(at, (int)size);
                if (Emit(record.AsSpan(0, (int)size), at, recovered: true) is { } r)
                {
                    yield return r;
                }

                pos = at + size;
            }
        }

        /// <summary>The next "LfLe" at or after <paramref name="from"/>, also where it straddles two blocks; -1 if none.</summary>
        private long FindSignature(long from)
        {
            var p = from;
            while (p <= Length - 4)
            {
                var block = d.BlockAt(p, out var blockStart);
                var offset = (int)(p - blockStart);
                var rel = block[offset..].IndexOf("LfLe"u8);
                if (rel >= 0)
                {
                    return p + rel;
                }

                var blockEnd = blockStart + block.Length;
                for (var q = Math.Max(p, blockEnd - 3); q < blockEnd && q <= Length - 4; q++)
                {
                    if (d.U32(q) == Signature)
                    {
                        return q;
                    }
                }

                p = blockEnd;
            }

            return -1;
        }

        private EventRecord? Emit(ReadOnlySpan<byte> r, long offset, bool recovered)
        {
            try
            {
                _tally.Found(EvtRecordHeader.ReadRecordNumber(r));
                return Parse(r, offset, recovered);
            }
            catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or InvalidDataException)
            {
                summary.Skipped++;
                summary.AddProblem(new InputProblem($"record unreadable: {ex.Message}", offset));
                return null;
            }
        }

        private EventRecord Parse(ReadOnlySpan<byte> r, long offset, bool recovered)
        {
            var h = EvtRecordHeader.Read(r);
            var stringCount = h.NumStrings;

            // Offsets and lengths are compared as signed, as before: a huge value is simply out of range.
            var stringOffset = (int)h.StringOffset;
            var sidLength = (int)h.UserSidLength;
            var sidOffset = (int)h.UserSidOffset;
            var dataLength = (int)h.DataLength;
            var dataOffset = (int)h.DataOffset;

            var body = r[..^4];
            var names = MemoryMarshal.Cast<byte, char>(body[FixedRecordSize..][..((body.Length - FixedRecordSize) & ~1)]);
            var sourceEnd = names.IndexOf('\0');
            var sourceName = _pool.Get(sourceEnd < 0 ? names : names[..sourceEnd]);
            string? computer = null;
            if (sourceEnd >= 0)
            {
                var rest = names[(sourceEnd + 1)..];
                var computerEnd = rest.IndexOf('\0');
                computer = _pool.Get(computerEnd < 0 ? rest : rest[..computerEnd]);
            }

            string? sid = null;
            if (sidLength > 0 && sidOffset >= FixedRecordSize && sidOffset <= body.Length - sidLength)
            {
                sid = ValueFormatter.FormatSid(body.Slice(sidOffset, sidLength));
            }

            var items = new List<EventDataItem>(stringCount);
            if (stringCount > 0 && stringOffset >= FixedRecordSize && stringOffset < body.Length)
            {
                var strings = MemoryMarshal.Cast<byte, char>(body[stringOffset..][..((body.Length - stringOffset) & ~1)]);
                for (var i = 0; i < stringCount && strings.Length > 0; i++)
                {
                    var end = strings.IndexOf('\0');
                    items.Add(new EventDataItem(null, new string(end < 0 ? strings : strings[..end])));
                    strings = end < 0 ? default : strings[(end + 1)..];
                }
            }

            if (dataLength > 0 && dataOffset >= FixedRecordSize && dataOffset <= body.Length - dataLength)
            {
                items.Add(new EventDataItem("Binary", Convert.ToHexString(body.Slice(dataOffset, dataLength))));
            }

            return new EventRecord
            {
                Provider = sourceName,
                EventId = (int)(h.EventId & 0xFFFF),
                Qualifiers = (int)(h.EventId >> 16),
                Level = h.EventType switch
                {
                    EvtEventType.Error => 2,
                    EvtEventType.Warning => 3,
                    EvtEventType.Success or EvtEventType.Information => 4,
                    _ => 0,
                },
                Task = h.EventCategory,
                TimeUtc = DateTime.UnixEpoch.AddSeconds(h.TimeGenerated),
                RecordNumber = h.RecordNumber,
                Channel = null,
                Computer = computer,
                UserSid = sid,
                Data = items,
                Origin = new RecordOrigin(source, offset),
                Recovered = recovered,
            };
        }

        /// <summary>The end-of-file record, which may itself wrap past the end of the file.</summary>
        private bool IsEofRecord(long pos)
        {
            return EvtEofRecord.HasMarkers(Circular(pos, EofRecordSize));
        }

        /// <summary>Reads a record that may run past the end of the file and continue after the header.</summary>
        private byte[] Circular(long pos, int size)
        {
            if (_scratch.Length < size)
            {
                _scratch = new byte[Math.Max(size, _scratch.Length * 2)];
            }

            var first = (int)Math.Min(size, Length - pos);
            d.Read(pos, _scratch.AsSpan(0, first));
            if (first < size)
            {
                d.Read(HeaderSize, _scratch.AsSpan(first, size - first));
            }

            return _scratch;
        }

        /// <summary>Marks a (possibly wrapping) record as read, as at most two linear ranges.</summary>
        private void Cover(long pos, long size)
        {
            var first = Math.Min(size, Length - pos);
            Add(pos, pos + first);
            if (first < size)
            {
                Add(HeaderSize, HeaderSize + size - first);
            }

            void Add(long from, long to)
            {
                // The walk is contiguous, so extending the last range keeps the list short.
                if (_covered.Count > 0 && _covered[^1].To == from)
                {
                    _covered[^1] = (_covered[^1].From, to);
                }
                else
                {
                    _covered.Add((from, to));
                }
            }
        }

        private bool IsCovered(long pos)
        {
            foreach (var (from, to) in _covered)
            {
                if (pos >= from && pos < to)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
