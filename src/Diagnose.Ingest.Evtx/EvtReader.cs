using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Diagnose.Core.Inputs;
using Diagnose.Core.Records;
using Diagnose.Ingest.Evtx.BinXml;

namespace Diagnose.Ingest.Evtx;

/// <summary>
/// Reads legacy Windows NT/2000/XP/2003 event logs (.evt): an ELF_LOGFILE header and EVENTLOGRECORDs in a
/// circular buffer. Records are followed from the header's start offset, wrapping from the end of the file
/// back to just after the header, until the end-of-file record or the first invalid record. When the log is
/// dirty (not closed cleanly) the space the walk did not cover is scanned for further "LfLe" records, which
/// are yielded with <see cref="EventRecord.Recovered"/> set.
/// </summary>
/// <remarks>
/// EventType maps to Level as Windows maps classic events: error 2, warning 3, information and success 4.
/// Audit success and audit failure both map to 0 ("log always"), as the Security channel records audits in
/// EVTX; the outcome is not a severity. The circular buffer needs random access, so the whole file is read
/// into memory (EVT logs are at most a few hundred MB; larger inputs are refused).
/// </remarks>
public sealed class EvtReader
{
    private const int HeaderSize = 0x30;
    private const int FixedRecordSize = 0x38;
    private const int EofRecordSize = 0x28;
    private const uint Signature = 0x654C664C; // "LfLe"
    private const long MaxFileSize = 1L << 30;

    public string Format => "evt";

    public IEnumerable<EventRecord> Read(Stream stream, string source, InputSummary summary, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(summary);
        var data = ReadAll(stream, summary);
        if (data is null)
        {
            return [];
        }

        var output = new List<EventRecord>();
        new Walker(data, source, summary, output, ct).Run();
        return output;
    }

    private static byte[]? ReadAll(Stream stream, InputSummary summary)
    {
        try
        {
            using var ms = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (ms.Length + n > MaxFileSize)
                {
                    summary.AddProblem(new InputProblem("EVT file larger than 1 GiB: not read", 0));
                    return null;
                }

                ms.Write(buffer, 0, n);
            }

            return ms.ToArray();
        }
        catch (IOException ex)
        {
            summary.AddProblem(new InputProblem($"read error: {ex.Message}", 0));
            return null;
        }
    }

    private sealed class Walker(byte[] d, string source, InputSummary summary, List<EventRecord> output, CancellationToken ct)
    {
        private readonly StringPool _pool = new();
        private byte[] _scratch = new byte[4096];

        private int Length => d.Length;

        public void Run()
        {
            if (d.Length < HeaderSize || U32(4) != Signature || U32(0) != HeaderSize)
            {
                summary.AddProblem(new InputProblem("not an EVT file: no LfLe header", 0));
                if (d.Length >= HeaderSize)
                {
                    Scan(new bool[d.Length], recoveredOnly: true);
                }

                return;
            }

            var start = (int)Math.Min(U32(0x10), int.MaxValue);
            var flags = U32(0x24);
            var dirty = (flags & 1) != 0;
            var covered = new bool[d.Length];
            var walked = Walk(start, covered);
            if (dirty || !walked)
            {
                Scan(covered, recoveredOnly: true);
            }
        }

        /// <summary>Follows records from the start offset; returns false when it stopped at damage.</summary>
        private bool Walk(int start, bool[] covered)
        {
            if (start < HeaderSize || start >= Length)
            {
                summary.AddProblem(new InputProblem("header start offset outside the file", 0x10));
                return false;
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

                var size = U32(pos);
                if (size == EofRecordSize && IsEofRecord(pos))
                {
                    return true;
                }

                if (size == 0x27 && (pos + 8 > Length || U32(pos + 4) != Signature))
                {
                    // Filler written at the end of the buffer before wrapping.
                    consumed += Length - pos;
                    pos = HeaderSize;
                    continue;
                }

                if (size < FixedRecordSize || size > capacity || size % 4 != 0)
                {
                    summary.AddProblem(new InputProblem($"invalid record size {size}; walk stopped", pos));
                    return false;
                }

                var record = Circular(pos, (int)size);
                if (BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(4)) != Signature
                    || BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan((int)size - 4)) != size)
                {
                    summary.AddProblem(new InputProblem("record without LfLe signature or matching size; walk stopped", pos));
                    return false;
                }

                Mark(covered, pos, (int)size);
                Emit(record.AsSpan(0, (int)size), pos, recovered: false);
                consumed += size;
                pos = Advance(pos, (int)size);
            }

            return true;
        }

        /// <summary>Looks for "LfLe" records in the bytes the walk did not cover (only unwrapped records).</summary>
        private void Scan(bool[] covered, bool recoveredOnly)
        {
            var span = new ReadOnlySpan<byte>(d);
            var pos = HeaderSize;
            while (pos <= Length - FixedRecordSize)
            {
                var rel = span[(pos + 4)..].IndexOf("LfLe"u8);
                if (rel < 0)
                {
                    break;
                }

                var at = pos + rel;
                pos = at + 4;
                if (covered[at])
                {
                    continue;
                }

                var size = U32(at);
                if (size < FixedRecordSize || size > Length - at || size % 4 != 0
                    || U32(at + (int)size - 4) != size || covered[at + (int)size - 1])
                {
                    continue;
                }

                Mark(covered, at, (int)size);
                Emit(span.Slice(at, (int)size), at, recoveredOnly);
                pos = at + (int)size;
            }
        }

        private void Emit(ReadOnlySpan<byte> r, long offset, bool recovered)
        {
            try
            {
                output.Add(Parse(r, offset, recovered));
            }
            catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or InvalidDataException)
            {
                summary.Skipped++;
                summary.AddProblem(new InputProblem($"record unreadable: {ex.Message}", offset));
            }
        }

        private EventRecord Parse(ReadOnlySpan<byte> r, long offset, bool recovered)
        {
            var number = BinaryPrimitives.ReadUInt32LittleEndian(r[8..]);
            var generated = BinaryPrimitives.ReadUInt32LittleEndian(r[12..]);
            var eventId = BinaryPrimitives.ReadUInt32LittleEndian(r[20..]);
            var eventType = BinaryPrimitives.ReadUInt16LittleEndian(r[24..]);
            var stringCount = BinaryPrimitives.ReadUInt16LittleEndian(r[26..]);
            var category = BinaryPrimitives.ReadUInt16LittleEndian(r[28..]);
            var stringOffset = BinaryPrimitives.ReadInt32LittleEndian(r[36..]);
            var sidLength = BinaryPrimitives.ReadInt32LittleEndian(r[40..]);
            var sidOffset = BinaryPrimitives.ReadInt32LittleEndian(r[44..]);
            var dataLength = BinaryPrimitives.ReadInt32LittleEndian(r[48..]);
            var dataOffset = BinaryPrimitives.ReadInt32LittleEndian(r[52..]);

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
                EventId = (int)(eventId & 0xFFFF),
                Qualifiers = (int)(eventId >> 16),
                Level = eventType switch
                {
                    0x0001 => 2,
                    0x0002 => 3,
                    0x0000 or 0x0004 => 4,
                    _ => 0,
                },
                Task = category,
                TimeUtc = DateTime.UnixEpoch.AddSeconds(generated),
                RecordNumber = number,
                Channel = null,
                Computer = computer,
                UserSid = sid,
                Data = items,
                Origin = new RecordOrigin(source, offset),
                Recovered = recovered,
            };
        }

        private bool IsEofRecord(int pos) =>
            pos <= Length - EofRecordSize
            && U32(pos + 4) == 0x11111111 && U32(pos + 8) == 0x22222222
            && U32(pos + 12) == 0x33333333 && U32(pos + 16) == 0x44444444;

        /// <summary>Copies a record that may run past the end of the file and continue after the header.</summary>
        private byte[] Circular(int pos, int size)
        {
            if (_scratch.Length < size)
            {
                _scratch = new byte[Math.Max(size, _scratch.Length * 2)];
            }

            var first = Math.Min(size, Length - pos);
            Array.Copy(d, pos, _scratch, 0, first);
            if (first < size)
            {
                Array.Copy(d, HeaderSize, _scratch, first, size - first);
            }

            return _scratch;
        }

        private int Advance(int pos, int size)
        {
            var next = pos + size;
            return next >= Length ? HeaderSize + (next - Length) : next;
        }

        private void Mark(bool[] covered, int pos, int size)
        {
            var first = Math.Min(size, Length - pos);
            covered.AsSpan(pos, first).Fill(true);
            if (first < size)
            {
                covered.AsSpan(HeaderSize, size - first).Fill(true);
            }
        }

        private uint U32(int pos) => BinaryPrimitives.ReadUInt32LittleEndian(d.AsSpan(pos));
    }
}
