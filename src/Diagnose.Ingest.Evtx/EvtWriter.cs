using System.Buffers.Binary;
using System.Text;
using Diagnose.Core.Records;
using Diagnose.Core.Time;
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
public static class EvtWriter
{
    private const int HeaderSize = 0x30;
    private const int FixedSize = 0x38;
    private const uint Signature = 0x654C664C; // "LfLe"

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
        stream.Write(new byte[HeaderSize]);
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
        var eof = new byte[0x28];
        var e = eof.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(e, 0x28);
        BinaryPrimitives.WriteUInt32LittleEndian(e[4..], 0x11111111);
        BinaryPrimitives.WriteUInt32LittleEndian(e[8..], 0x22222222);
        BinaryPrimitives.WriteUInt32LittleEndian(e[12..], 0x33333333);
        BinaryPrimitives.WriteUInt32LittleEndian(e[16..], 0x44444444);
        BinaryPrimitives.WriteUInt32LittleEndian(e[20..], HeaderSize); // begin record
        BinaryPrimitives.WriteUInt32LittleEndian(e[24..], (uint)eofOffset); // end record
        BinaryPrimitives.WriteUInt32LittleEndian(e[28..], next);
        BinaryPrimitives.WriteUInt32LittleEndian(e[32..], oldest);
        BinaryPrimitives.WriteUInt32LittleEndian(e[36..], 0x28);
        stream.Write(eof);

        var end = stream.Position;
        var h = new byte[HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(h, HeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(4), Signature);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(8), 1); // major version
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(12), 1); // minor version
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(16), HeaderSize); // start offset
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(20), (uint)eofOffset); // end offset
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(24), next);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(28), oldest);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(32), (uint)Math.Min(end - origin, uint.MaxValue)); // maximum size
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(36), 0); // flags: clean
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(40), 0); // retention
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(44), HeaderSize);
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
        var sidOffset = Align4(FixedSize + names.Length);
        var stringOffset = sidOffset + sid.Length;
        var stringBytes = Encoding.Unicode.GetBytes(string.Concat(strings.Select(s => s + "\0")));
        var dataOffset = stringOffset + stringBytes.Length;
        var contentEnd = Align4(dataOffset + binary.Length);

        // libevt rejects a record whose string/data offset is the trailing length itself: keep a padding word.
        var length = (contentEnd == dataOffset ? contentEnd + 4 : contentEnd) + 4;

        var b = new byte[length];
        var s = b.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(s, (uint)length);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], Signature);
        BinaryPrimitives.WriteUInt32LittleEndian(s[8..], number);
        BinaryPrimitives.WriteUInt32LittleEndian(s[12..], (uint)seconds); // generated
        BinaryPrimitives.WriteUInt32LittleEndian(s[16..], (uint)seconds); // written
        BinaryPrimitives.WriteUInt32LittleEndian(s[20..], ((uint)(r.Qualifiers & 0xFFFF) << 16) | (uint)(r.EventId & 0xFFFF));
        BinaryPrimitives.WriteUInt16LittleEndian(s[24..], r.Level switch
        {
            1 or 2 => 0x0001,
            3 => 0x0002,
            0 => 0x0008,
            _ => 0x0004,
        });
        BinaryPrimitives.WriteUInt16LittleEndian(s[26..], (ushort)Math.Min(strings.Count, ushort.MaxValue));
        BinaryPrimitives.WriteUInt16LittleEndian(s[28..], (ushort)Math.Clamp(r.Task ?? 0, 0, ushort.MaxValue));
        BinaryPrimitives.WriteUInt32LittleEndian(s[32..], 0); // closing record number
        BinaryPrimitives.WriteUInt32LittleEndian(s[36..], (uint)stringOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(s[40..], (uint)sid.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(s[44..], (uint)(sid.Length > 0 ? sidOffset : stringOffset));
        BinaryPrimitives.WriteUInt32LittleEndian(s[48..], (uint)binary.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(s[52..], (uint)dataOffset);
        names.CopyTo(s[FixedSize..]);
        sid.CopyTo(s[sidOffset..]);
        stringBytes.CopyTo(s[stringOffset..]);
        binary.CopyTo(s[dataOffset..]);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(length - 4)..], (uint)length);
        return b;
    }

    private static int Align4(int n) => (n + 3) & ~3;
}
