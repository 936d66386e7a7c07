using System.Buffers.Binary;
using System.Text;
using Diagnose.Core.Records;
using Diagnose.Core.Time;
using Diagnose.Ingest.Evtx.Layout;
using Diagnose.Ingest.Evtx.Writing;

namespace Diagnose.Ingest.Evtx;

/// <summary>
/// Writes <see cref="EventRecord"/>s as a legacy Windows NT/2000/2003 event log (.evt): the ELF_LOGFILE header,
/// the EVENTLOGRECORDs one after another (a log that never wrapped), and the end-of-file record. The header,
/// which holds the end offset and the record numbers, is written last, so the stream must be seekable.
/// </summary>
/// <remarks>
/// EVT keeps less than <see cref="EventRecord"/>: times are whole seconds, the event identifier is
/// <c>Qualifiers &lt;&lt; 16 | EventId</c>, Level becomes the event type (1 and 2 error, 3 warning, 4 and 5
/// information, 0 audit success), Task the category, and data items become insertion strings without names,
/// except an item named <c>Binary</c> holding hex, which becomes the binary data. Channel, GUID, version,
/// opcode, keywords, process and thread are not stored. Record numbers as for <see cref="EvtxWriter"/>.
/// </remarks>
internal static class EvtWriter
{
    /// <summary>Writes every record and returns how many were written.</summary>
    /// <exception cref="ArgumentException">The stream cannot seek or write, or a field does not fit EVT
    /// (time outside 1970–2106, record number over 32 bits).</exception>
    public static long Write(Stream stream, IEnumerable<EventRecord> records)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(records);
        if (!stream.CanSeek || !stream.CanWrite)
        {
            throw new ArgumentException("the EVT writer needs a writable, seekable stream (the header is written last)", nameof(stream));
        }

        var origin = stream.Position;
        stream.Write(new byte[EvtFileHeader.Size]);
        long written = 0;
        uint previous = 0, first = 0;
        foreach (var r in records)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(records));
            var number = r.RecordNumber is long n && n > previous && n <= uint.MaxValue ? (uint)n
                : previous < uint.MaxValue ? previous + 1 : throw new ArgumentException("more than 4,294,967,295 records", nameof(records));
            stream.Write(Record(r, number));
            first = written == 0 ? number : first;
            previous = number;
            written++;
        }

        var eofOffset = stream.Position - origin;
        var next = previous + 1;
        var oldest = written == 0 ? next : first;
        var eof = new byte[EvtEofRecord.Size];
        new EvtEofRecord(EvtFileHeader.Size, (uint)eofOffset, next, oldest).Write(eof);
        stream.Write(eof);

        var end = stream.Position;
        var h = new byte[EvtFileHeader.Size];
        var maxSize = (uint)Math.Min(end - origin, uint.MaxValue);
        new EvtFileHeader(EvtFileHeader.Size, (uint)eofOffset, next, oldest, maxSize, Flags: 0, Retention: 0).Write(h); // clean
        stream.Position = origin;
        stream.Write(h);
        stream.Position = end;
        stream.Flush();
        return written;
    }

    private static byte[] Record(EventRecord r, uint number)
    {
        var seconds = r.TimeUtc is { } t ? (t - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond : 0;
        if (seconds is < 0 or > uint.MaxValue)
        {
            throw new ArgumentException($"record {number}: time {(r.TimeUtc is { } time ? IsoTime.Format(time, IsoPrecision.Ticks) : "")} is outside what EVT can store (1970 to 2106)");
        }

        var strings = r.Data.Where(d => d.Name != "Binary").Select(d => d.Value ?? string.Empty).ToList();
        var binary = r.Data.FirstOrDefault(d => d.Name == "Binary") is { Value: { } hex } ? Convert.FromHexString(hex) : [];
        var sid = SidCodec.TryEncode(r.UserSid) ?? [];

        var names = Encoding.Unicode.GetBytes(r.Provider + "\0" + (r.Computer ?? string.Empty) + "\0");
        var sidOffset = Align4(EvtRecordHeader.Size + names.Length);
        var stringOffset = sidOffset + sid.Length;
        var stringBytes = Encoding.Unicode.GetBytes(string.Concat(strings.Select(s => s + "\0")));
        var dataOffset = stringOffset + stringBytes.Length;
        var contentEnd = Align4(dataOffset + binary.Length);

        // libevt rejects a record whose string/data offset is the trailing length itself: keep a padding word.
        var length = (contentEnd == dataOffset ? contentEnd + 4 : contentEnd) + 4;

        var b = new byte[length];
        var s = b.AsSpan();
        new EvtRecordHeader(
            Length: (uint)length,
            RecordNumber: number,
            TimeGenerated: (uint)seconds,
            TimeWritten: (uint)seconds,
            EventId: ((uint)(r.Qualifiers & 0xFFFF) << 16) | (uint)(r.EventId & 0xFFFF),
            EventType: r.Level switch
            {
                1 or 2 => EvtEventType.Error,
                3 => EvtEventType.Warning,
                0 => EvtEventType.AuditSuccess,
                _ => EvtEventType.Information,
            },
            NumStrings: (ushort)Math.Min(strings.Count, ushort.MaxValue),
            EventCategory: (ushort)Math.Clamp(r.Task ?? 0, 0, ushort.MaxValue),
            StringOffset: (uint)stringOffset,
            UserSidLength: (uint)sid.Length,
            UserSidOffset: (uint)(sid.Length > 0 ? sidOffset : stringOffset),
            DataLength: (uint)binary.Length,
            DataOffset: (uint)dataOffset).Write(s);
        names.CopyTo(s[EvtRecordHeader.Size..]);
        sid.CopyTo(s[sidOffset..]);
        stringBytes.CopyTo(s[stringOffset..]);
        binary.CopyTo(s[dataOffset..]);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(length - 4)..], (uint)length);
        return b;
    }

    private static int Align4(int n) => (n + 3) & ~3;
}
