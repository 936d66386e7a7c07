using System.Buffers.Binary;
using Diagnose.Core.Records;
using Diagnose.Ingest.Evtx.BinXml;
using Diagnose.Ingest.Evtx.Layout;

namespace Diagnose.Ingest.Evtx.Writing;

/// <summary>
/// Fills one 64 KiB EVTX chunk with records. Each record is a template instance: the template (the whole
/// Event element with its System part and one Data element per event-data item) is defined inline by the
/// first record of the chunk that needs it and referenced by offset afterwards, as Windows does; element
/// and attribute names are likewise stored once per chunk. <see cref="Finish"/> writes the string and
/// template hash tables and both checksums.
/// </summary>
internal sealed class ChunkBuilder
{
    public const int ChunkSize = EvtxChunkHeader.ChunkSize;
    private const int HeaderSize = EvtxChunkHeader.Size;

    // Substitution slots of the fixed System part; event-data values follow from FirstData.
    private const ushort SProvider = 0, SGuid = 1, SQualifiers = 2, SEventId = 3, SVersion = 4, SLevel = 5, STask = 6,
        SOpcode = 7, SKeywords = 8, STime = 9, SRecordId = 10, SProcess = 11, SThread = 12, SChannel = 13,
        SComputer = 14, SUser = 15, FirstData = 16;

    private readonly byte[] _buffer = new byte[ChunkSize];
    private readonly ByteCursor _c;
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Offset, uint Id)> _templates = new(StringComparer.Ordinal);
    private readonly List<string> _newNames = [];
    private readonly List<string> _newTemplates = [];
    private int _lastRecord;
    private ulong _first;
    private ulong _last;

    public ChunkBuilder() => _c = new ByteCursor(_buffer, ChunkSize);

    public int Count { get; private set; }

    public ReadOnlySpan<byte> Bytes => _buffer;

    public void Reset()
    {
        Array.Clear(_buffer);
        _names.Clear();
        _templates.Clear();
        _c.Pos = HeaderSize;
        _c.Overflow = false;
        Count = 0;
        _lastRecord = 0;
    }

    /// <summary>Appends a record; false (and nothing changed) when it does not fit in what is left of the chunk.</summary>
    public bool TryAppend(EventRecord r, ulong number)
    {
        var start = _c.Pos;
        _newNames.Clear();
        _newTemplates.Clear();
        WriteRecord(r, number);
        if (_c.Overflow)
        {
            foreach (var n in _newNames)
            {
                _names.Remove(n);
            }

            foreach (var t in _newTemplates)
            {
                _templates.Remove(t);
            }

            Array.Clear(_buffer, start, Math.Min(ChunkSize, _c.Limit) - start);
            _c.Overflow = false;
            _c.Pos = start;
            return false;
        }

        if (Count == 0)
        {
            _first = number;
        }

        _last = number;
        _lastRecord = start;
        Count++;
        return true;
    }

    /// <summary>Writes the chunk header, hash tables and checksums.</summary>
    public void Finish()
    {
        var b = _buffer;

        // Hash tables: each bucket holds the first entry, entries chain through their first field.
        LinkBuckets(_names.Values.Order(), EvtxChunkHeader.StringTableOffset, EvtxChunkHeader.StringBuckets, o => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(o + 4)));
        LinkBuckets(_templates.Values.Select(t => t.Offset).Order(), EvtxChunkHeader.TemplateTableOffset, EvtxChunkHeader.TemplateBuckets, o => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(o + 4)));
        EvtxChunkHeader.Write(_buffer, (long)_first, (long)_last, _lastRecord, _c.Pos);
    }

    /// <summary>The Windows name hash: h = h * 65599 + c over the UTF-16 units, low 16 bits kept.</summary>
    internal static ushort NameHash(string name)
    {
        uint hash = 0;
        foreach (var ch in name)
        {
            hash = unchecked((hash * 65599) + ch);
        }

        return (ushort)hash;
    }

    private void LinkBuckets(IEnumerable<int> offsets, int table, int buckets, Func<int, uint> key)
    {
        var tails = new int[buckets];
        foreach (var o in offsets)
        {
            var b = (int)(key(o) % (uint)buckets);
            if (tails[b] == 0)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(table + (4 * b)), (uint)o);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(tails[b]), (uint)o);
            }

            tails[b] = o;
        }
    }

    private void WriteRecord(EventRecord r, ulong number)
    {
        var values = Values(r, number); // validates before anything is written
        var start = _c.Pos;
        _c.U32(EvtxRecordHeader.SignatureValue);
        _c.U32(0); // size, patched
        _c.U64(number);
        _c.U64(ToFileTime(r.TimeUtc));

        FragmentHeader();
        var key = TemplateKey(r.Data);
        _c.U8((byte)BinXmlToken.TemplateInstance);
        _c.U8(0x01); // unknown byte, 1 in files written by Windows
        if (_templates.TryGetValue(key, out var known))
        {
            _c.U32(known.Id);
            _c.U32((uint)known.Offset);
        }
        else
        {
            var id = TemplateId(key);
            _c.U32(id);
            var def = _c.Pos + 4;
            _c.U32((uint)def);
            _templates[key] = (def, id);
            _newTemplates.Add(key);
            WriteTemplate(r.Data, id);
        }

        WriteValues(values);
        _c.U8((byte)BinXmlToken.EndOfStream); // end of the record's fragment: libfwevt requires it
        _c.U32(0); // size copy, patched
        var size = (uint)(_c.Pos - start);
        _c.PatchU32(start + 4, size);
        _c.PatchU32(_c.Pos - 4, size);
    }

    private void WriteTemplate(IReadOnlyList<EventDataItem> data, uint id)
    {
        _c.U32(0); // next template in the same bucket, linked by Finish
        var guid = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(guid, id);
        BinaryPrimitives.WriteUInt32LittleEndian(guid.AsSpan(4), (uint)data.Count);
        BinaryPrimitives.WriteUInt64LittleEndian(guid.AsSpan(8), 0x4449414E4F534521); // "!ESONAID": ours
        _c.Bytes(guid);
        var sizeAt = _c.Pos;
        _c.U32(0);
        var body = _c.Pos;
        FragmentHeader();

        OpenElement("Event", 0xFFFF, [("xmlns", Attr.Lit("http://schemas.microsoft.com/win/2004/08/events/event"))], out var ev);
        OpenElement("System", 0xFFFF, [], out var sys);
        EmptyElement("Provider", [("Name", Attr.Sub(SProvider, BinXmlValueType.String, false)), ("Guid", Attr.Sub(SGuid, BinXmlValueType.Guid, true))]);
        SubElement("EventID", [("Qualifiers", Attr.Sub(SQualifiers, BinXmlValueType.UInt16, true))], SEventId, BinXmlValueType.UInt16, optional: false);
        SubElement("Version", [], SVersion, BinXmlValueType.UInt8, optional: true);
        SubElement("Level", [], SLevel, BinXmlValueType.UInt8, optional: false);
        SubElement("Task", [], STask, BinXmlValueType.UInt16, optional: true);
        SubElement("Opcode", [], SOpcode, BinXmlValueType.UInt8, optional: true);
        SubElement("Keywords", [], SKeywords, BinXmlValueType.HexInt64, optional: true);
        EmptyElement("TimeCreated", [("SystemTime", Attr.Sub(STime, BinXmlValueType.FileTime, true))]);
        SubElement("EventRecordID", [], SRecordId, BinXmlValueType.UInt64, optional: false);
        EmptyElement("Correlation", []);
        EmptyElement("Execution", [("ProcessID", Attr.Sub(SProcess, BinXmlValueType.UInt32, true)), ("ThreadID", Attr.Sub(SThread, BinXmlValueType.UInt32, true))]);
        SubElement("Channel", [], SChannel, BinXmlValueType.String, optional: true);
        SubElement("Computer", [], SComputer, BinXmlValueType.String, optional: true);
        EmptyElement("Security", [("UserID", Attr.Sub(SUser, BinXmlValueType.Sid, true))]);
        CloseElement(sys);
        if (data.Count > 0)
        {
            OpenElement("EventData", 0xFFFF, [], out var ed);
            for (var i = 0; i < data.Count; i++)
            {
                var slot = (ushort)(FirstData + i);
                SubElement("Data", data[i].Name is { } n ? [("Name", Attr.Lit(n))] : [], slot, BinXmlValueType.String, optional: true);
            }

            CloseElement(ed);
        }

        CloseElement(ev);
        _c.U8((byte)BinXmlToken.EndOfStream); // end of the template's fragment
        _c.PatchU32(sizeAt, (uint)(_c.Pos - body));
    }

    private static List<(BinXmlValueType Type, byte[] Data)> Values(EventRecord r, ulong number)
    {
        var sid = SidCodec.TryEncode(r.UserSid);
        var values = new List<(BinXmlValueType Type, byte[] Data)>(FirstData + r.Data.Count)
        {
            Str(r.Provider),
            r.ProviderGuid is { } g ? V(BinXmlValueType.Guid, g.ToByteArray()) : Null(),
            r.Qualifiers != 0 ? V(BinXmlValueType.UInt16, U16(Checked(r.Qualifiers, ushort.MaxValue, "Qualifiers"))) : Null(),
            V(BinXmlValueType.UInt16, U16(Checked(r.EventId, ushort.MaxValue, "EventId"))),
            r.Version is { } v ? V(BinXmlValueType.UInt8, [(byte)Checked(v, byte.MaxValue, "Version")]) : Null(),
            V(BinXmlValueType.UInt8, [(byte)Checked(r.Level, byte.MaxValue, "Level")]),
            r.Task is { } t ? V(BinXmlValueType.UInt16, U16(Checked(t, ushort.MaxValue, "Task"))) : Null(),
            r.Opcode is { } o ? V(BinXmlValueType.UInt8, [(byte)Checked(o, byte.MaxValue, "Opcode")]) : Null(),
            r.Keywords is { } k ? V(BinXmlValueType.HexInt64, BitConverter.GetBytes(k)) : Null(),
            r.TimeUtc is not null ? V(BinXmlValueType.FileTime, BitConverter.GetBytes(ToFileTime(r.TimeUtc))) : Null(),
            V(BinXmlValueType.UInt64, BitConverter.GetBytes(number)),
            r.ProcessId is { } p ? V(BinXmlValueType.UInt32, BitConverter.GetBytes((uint)p)) : Null(),
            r.ThreadId is { } th ? V(BinXmlValueType.UInt32, BitConverter.GetBytes((uint)th)) : Null(),
            r.Channel is { } ch ? Str(ch) : Null(),
            r.Computer is { } co ? Str(co) : Null(),
            sid is not null ? V(BinXmlValueType.Sid, sid) : r.UserSid is { } us ? Str(us) : Null(),
        };
        foreach (var item in r.Data)
        {
            values.Add(item.Value is { } s ? Str(s) : Null());
        }

        return values;
    }

    private void WriteValues(List<(BinXmlValueType Type, byte[] Data)> values)
    {
        _c.U32((uint)values.Count);
        foreach (var (type, data) in values)
        {
            _c.U16((ushort)data.Length);
            _c.U8((byte)type);
            _c.U8(0);
        }

        foreach (var (_, data) in values)
        {
            _c.Bytes(data);
        }
    }

    private static (BinXmlValueType Type, byte[] Data) V(BinXmlValueType type, byte[] data) => (type, data);

    private static (BinXmlValueType Type, byte[] Data) Null() => (BinXmlValueType.Null, []);

    private static (BinXmlValueType Type, byte[] Data) Str(string s)
    {
        if (s.Length > 32767)
        {
            throw new ArgumentException($"a string of {s.Length} characters does not fit an EVTX value (at most 32,767)");
        }

        return (BinXmlValueType.String, System.Text.Encoding.Unicode.GetBytes(s));
    }

    private static byte[] U16(int v) => BitConverter.GetBytes((ushort)v);

    private static int Checked(int v, int max, string field) =>
        v >= 0 && v <= max ? v : throw new ArgumentOutOfRangeException(field, v, $"{field} must be between 0 and {max} in EVTX");

    private static ulong ToFileTime(DateTime? utc) =>
        utc is { } t ? (ulong)(t.Ticks - new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks) : 0UL;

    private static string TemplateKey(IReadOnlyList<EventDataItem> data)
    {
        var sb = new System.Text.StringBuilder(16 * (data.Count + 1));
        foreach (var d in data)
        {
            sb.Append(d.Name is null ? '\u0001' : '\u0002').Append(d.Name).Append('\u0000');
        }

        return sb.ToString();
    }

    /// <summary>A stable identifier per template shape (FNV-1a of the key), so files are reproducible.</summary>
    private static uint TemplateId(string key)
    {
        var h = 2166136261u;
        foreach (var ch in key)
        {
            h = unchecked((h ^ ch) * 16777619u);
        }

        return h;
    }

    private void OpenElement(string name, ushort dependency, (string Name, Attr Value)[] attrs, out int sizeAt)
    {
        StartElement(name, dependency, attrs, out sizeAt);
        _c.U8((byte)BinXmlToken.CloseStartElement);
    }

    private void CloseElement(int sizeAt)
    {
        _c.U8((byte)BinXmlToken.EndElement);
        _c.PatchU32(sizeAt, (uint)(_c.Pos - sizeAt - 4));
    }

    private void EmptyElement(string name, (string Name, Attr Value)[] attrs)
    {
        StartElement(name, 0xFFFF, attrs, out var sizeAt);
        _c.U8((byte)BinXmlToken.CloseEmptyElement);
        _c.PatchU32(sizeAt, (uint)(_c.Pos - sizeAt - 4));
    }

    private void SubElement(string name, (string Name, Attr Value)[] attrs, ushort slot, BinXmlValueType type, bool optional)
    {
        OpenElement(name, 0xFFFF, attrs, out var sizeAt);
        Substitution(slot, type, optional);
        CloseElement(sizeAt);
    }

    private void StartElement(string name, ushort dependency, (string Name, Attr Value)[] attrs, out int sizeAt)
    {
        _c.U8(BinXmlTokenByte.Encode(BinXmlToken.OpenStartElement, moreBits: attrs.Length > 0));
        _c.U16(dependency);
        sizeAt = _c.Pos;
        _c.U32(0);
        Name(name);
        if (attrs.Length == 0)
        {
            return;
        }

        var listAt = _c.Pos;
        _c.U32(0);
        for (var i = 0; i < attrs.Length; i++)
        {
            _c.U8(BinXmlTokenByte.Encode(BinXmlToken.Attribute, moreBits: i < attrs.Length - 1));
            Name(attrs[i].Name);
            var a = attrs[i].Value;
            if (a.Text is { } text)
            {
                _c.U8((byte)BinXmlToken.Value);
                _c.U8((byte)BinXmlValueType.String);
                _c.U16((ushort)text.Length);
                _c.Utf16(text);
            }
            else
            {
                Substitution(a.Slot, a.Type, a.Optional);
            }
        }

        _c.PatchU32(listAt, (uint)(_c.Pos - listAt - 4));
    }

    private void Substitution(ushort slot, BinXmlValueType type, bool optional)
    {
        _c.U8((byte)(optional ? BinXmlToken.OptionalSubstitution : BinXmlToken.NormalSubstitution));
        _c.U16(slot);
        _c.U8((byte)type);
    }

    /// <summary>Fragment header token, BinXML version 1.1, no flags.</summary>
    private void FragmentHeader() => _c.Bytes([(byte)BinXmlToken.FragmentHeader, 0x01, 0x01, 0x00]);

    /// <summary>A name reference; the first use in the chunk stores the name right after its offset.</summary>
    private void Name(string name)
    {
        if (_names.TryGetValue(name, out var at))
        {
            _c.U32((uint)at);
            return;
        }

        if (name.Length > ushort.MaxValue)
        {
            throw new ArgumentException("an element or attribute name longer than 65,535 characters");
        }

        at = _c.Pos + 4;
        _c.U32((uint)at);
        _c.U32(0); // next name in the same bucket, linked by Finish
        _c.U16(NameHash(name));
        _c.U16((ushort)name.Length);
        _c.Utf16(name);
        _c.U16(0);
        _names[name] = at;
        _newNames.Add(name);
    }

    private readonly record struct Attr(string? Text, ushort Slot, BinXmlValueType Type, bool Optional)
    {
        public static Attr Lit(string text) => new(text, 0, BinXmlValueType.Null, false);

        public static Attr Sub(ushort slot, BinXmlValueType type, bool optional) => new(null, slot, type, optional);
    }
}
