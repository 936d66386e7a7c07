using System.Buffers.Binary;

namespace Diagnose.Ingest.Evtx.BinXml;

/// <summary>
/// Decodes binary XML inside one 64 KiB chunk. Names and template definitions are addressed by chunk
/// offset, so both are cached per chunk: a template is decoded once and every record that uses it only
/// contributes its substitution values. Every read is bounds-checked against a limit; malformed input
/// raises <see cref="InvalidDataException"/>, which the reader turns into a skipped record.
/// </summary>
internal sealed class BinXmlParser(StringPool pool)
{
    private const int MaxDepth = 40;

    private readonly Dictionary<int, string> _names = [];
    private readonly Dictionary<int, BxTemplate?> _templates = [];
    private readonly List<BxNode> _scratchAttributes = [];
    private byte[] _b = [];
    private int _length;

    public StringPool Pool { get; } = pool;

    /// <summary>Starts a new chunk: names and templates of the previous chunk no longer apply.</summary>
    public void BeginChunk(byte[] buffer, int length)
    {
        _b = buffer;
        _length = length;
        _names.Clear();
        _templates.Clear();
    }

    /// <summary>
    /// Decodes a record's event (fragment header, template instance or element, end of stream) into
    /// <paramref name="output"/>. The first template instance reuses <paramref name="topValues"/> and
    /// <paramref name="topInstance"/> so the common record shape allocates nothing here.
    /// </summary>
    public void ParseRecord(int pos, int limit, List<BxNode> output, ValueSet topValues, BxNode topInstance)
    {
        output.Clear();
        ParseDocument(ref pos, limit, 0, detectDependency: true, output, topValues, topInstance);
    }

    /// <summary>Decodes (once) a BinXML-typed substitution value: a fragment, an element or a template instance.</summary>
    public BxNode[] GetNested(ValueSet values, int index, int depth)
    {
        var cached = values.GetNested(index);
        if (cached is not null)
        {
            return cached;
        }

        if (depth > MaxDepth)
        {
            throw new InvalidDataException("binary XML nested too deeply");
        }

        var pos = values.Offsets[index];
        var limit = pos + values.Sizes[index];
        var list = new List<BxNode>();
        ParseDocument(ref pos, limit, depth + 1, detectDependency: true, list, null, null);
        var nodes = list.ToArray();
        values.SetNested(index, nodes);
        return nodes;
    }

    private void ParseDocument(ref int pos, int limit, int depth, bool detectDependency, List<BxNode> output, ValueSet? reuseValues, BxNode? reuseInstance)
    {
        while (pos < limit)
        {
            var token = _b[pos];
            switch (BinXmlTokenByte.Kind(token))
            {
                case BinXmlToken.FragmentHeader:
                    pos += 4;
                    break;
                case BinXmlToken.TemplateInstance:
                    output.Add(ParseInstance(ref pos, limit, depth, reuseValues, reuseInstance));
                    reuseValues = null;
                    reuseInstance = null;
                    break;
                case BinXmlToken.OpenStartElement:
                    output.Add(ParseElement(ref pos, limit, depth, detectDependency));
                    break;
                case BinXmlToken.PITarget:
                    output.Add(ParsePi(ref pos, limit));
                    break;
                case BinXmlToken.EndOfStream:
                    pos = limit;
                    break;
                default:
                    throw Bad($"unexpected token 0x{token:X2}", pos);
            }
        }
    }

    private BxNode ParseInstance(ref int pos, int limit, int depth, ValueSet? reuseValues, BxNode? reuseInstance)
    {
        Need(pos, 10, limit);
        pos += 6; // token, unknown byte, template identifier
        var defOffset = I32(pos);
        pos += 4;
        if (defOffset == pos)
        {
            // Definition stored inline, right here: skip it (next offset, GUID, size, data).
            Need(pos, 24, limit);
            var size = I32(pos + 20);
            if (size < 0 || size > limit - pos - 24)
            {
                throw Bad("inline template definition overruns the record", pos);
            }

            pos += 24 + size;
        }

        var template = GetTemplate(defOffset, depth);
        Need(pos, 4, limit);
        var count = I32(pos);
        pos += 4;
        if (count < 0 || count > (limit - pos) / 4)
        {
            throw Bad("template value count exceeds the record", pos - 4);
        }

        var values = reuseValues ?? new ValueSet();
        values.Reset(_b, count);
        var data = pos + (4 * count);
        for (var i = 0; i < count; i++)
        {
            var d = pos + (4 * i);
            var size = _b[d] | (_b[d + 1] << 8);
            values.Offsets[i] = data;
            values.Sizes[i] = size;
            values.Types[i] = _b[d + 2]; // a BinXmlValueType, kept as stored
            data += size;
        }

        if (data > limit)
        {
            throw Bad("template values overrun the record", pos);
        }

        pos = data;
        var node = reuseInstance ?? new BxNode();
        node.Kind = BxNodeKind.Instance;
        node.Template = template;
        node.Values = values;
        return node;
    }

    private BxTemplate GetTemplate(int offset, int depth)
    {
        if (_templates.TryGetValue(offset, out var cached))
        {
            return cached ?? throw Bad("template definition unreadable", offset);
        }

        if (depth > MaxDepth)
        {
            throw Bad("templates nested too deeply", offset);
        }

        _templates[offset] = null; // guards against a definition that refers to itself
        if (offset < 0 || offset > _length - 24)
        {
            throw Bad("template definition offset outside the chunk", offset);
        }

        var id = new Guid(new ReadOnlySpan<byte>(_b, offset + 4, 16));
        var size = I32(offset + 20);
        var start = offset + 24;
        if (size < 0 || size > _length - start)
        {
            throw Bad("template definition overruns the chunk", offset);
        }

        var list = new List<BxNode>(1);
        var pos = start;
        ParseDocument(ref pos, start + size, depth + 1, detectDependency: false, list, null, null);
        var template = new BxTemplate(offset, id, [.. list]);
        _templates[offset] = template;
        return template;
    }

    private BxNode ParseElement(ref int pos, int limit, int depth, bool detectDependency)
    {
        if (depth > MaxDepth)
        {
            throw Bad("elements nested too deeply", pos);
        }

        var tokenPos = pos;
        var hasAttributes = BinXmlTokenByte.HasMoreBits(_b[pos]);
        var start = pos + 1;
        var withDependency = !detectDependency || !Plausible(start, limit) || Plausible(start + 2, limit);
        var p = withDependency ? start + 2 : start;
        Need(p, 8, limit);
        var dataSize = I32(p);
        if (dataSize < 0 || dataSize > limit - p - 4)
        {
            throw Bad("element size overruns its container", tokenPos);
        }

        var nameOffset = I32(p + 4);
        p += 8;
        var node = new BxNode { Kind = BxNodeKind.Element, Name = ReadName(nameOffset, ref p) };

        if (hasAttributes)
        {
            Need(p, 4, limit);
            var listSize = I32(p);
            p += 4;
            if (listSize < 0 || listSize > limit - p)
            {
                throw Bad("attribute list overruns its element", p - 4);
            }

            var listEnd = p + listSize;
            var attributes = new List<BxNode>(4);
            while (p < listEnd && BinXmlTokenByte.Kind(_b[p]) == BinXmlToken.Attribute)
            {
                Need(p, 5, limit);
                var attrNameOffset = I32(p + 1);
                p += 5;
                var attr = new BxNode { Kind = BxNodeKind.Attribute, Name = ReadName(attrNameOffset, ref p) };
                attr.Children = ParseValueParts(ref p, limit);
                attributes.Add(attr);
            }

            node.Attributes = [.. attributes];
        }

        Need(p, 1, limit);
        var close = _b[p];
        if ((BinXmlToken)close == BinXmlToken.CloseEmptyElement)
        {
            p++;
        }
        else if ((BinXmlToken)close == BinXmlToken.CloseStartElement)
        {
            p++;
            node.Children = ParseContent(ref p, limit, depth, detectDependency);
        }
        else
        {
            throw Bad($"unexpected token 0x{close:X2} after element start", p);
        }

        pos = p;
        return node;
    }

    /// <summary>
    /// Whether an element start laid out from <paramref name="sizePos"/> (data size, name offset) looks sane.
    /// Used only inside BinXML substitution values, where the dependency identifier may be absent.
    /// </summary>
    private bool Plausible(int sizePos, int limit)
    {
        if (sizePos + 8 > limit)
        {
            return false;
        }

        var dataSize = I32(sizePos);
        if (dataSize < 0 || dataSize > limit - sizePos - 4)
        {
            return false;
        }

        var nameOffset = I32(sizePos + 4);
        if (nameOffset == sizePos + 8)
        {
            return true;
        }

        if (nameOffset < 512 || nameOffset > _length - 10)
        {
            return false;
        }

        var chars = U16(nameOffset + 6);
        var end = nameOffset + 8 + (2 * chars);
        return chars > 0 && end + 2 <= _length && _b[end] == 0 && _b[end + 1] == 0;
    }

    private BxNode[] ParseContent(ref int pos, int limit, int depth, bool detectDependency)
    {
        List<BxNode>? children = null;
        while (true)
        {
            Need(pos, 1, limit);
            var token = _b[pos];
            BxNode child;
            switch (BinXmlTokenByte.Kind(token))
            {
                case BinXmlToken.EndElement:
                    pos++;
                    return children is null ? BxNode.None : [.. children];
                case BinXmlToken.OpenStartElement:
                    child = ParseElement(ref pos, limit, depth + 1, detectDependency);
                    break;
                case BinXmlToken.TemplateInstance:
                    child = ParseInstance(ref pos, limit, depth + 1, null, null);
                    break;
                case BinXmlToken.PITarget:
                    child = ParsePi(ref pos, limit);
                    break;
                case BinXmlToken.CDataSection:
                    pos++;
                    child = new BxNode { Kind = BxNodeKind.CData, Text = ReadCountedString(ref pos, limit) };
                    break;
                case var part when IsValuePart(part):
                    child = ParsePart(ref pos, limit);
                    break;
                default:
                    throw Bad($"unexpected token 0x{token:X2} in element content", pos);
            }

            (children ??= new List<BxNode>(4)).Add(child);
        }
    }

    private BxNode[] ParseValueParts(ref int pos, int limit)
    {
        _scratchAttributes.Clear();
        while (pos < limit)
        {
            if (!IsValuePart(BinXmlTokenByte.Kind(_b[pos])))
            {
                break;
            }

            _scratchAttributes.Add(ParsePart(ref pos, limit));
        }

        return _scratchAttributes.Count == 0 ? BxNode.None : [.. _scratchAttributes];
    }

    private BxNode ParsePart(ref int pos, int limit)
    {
        var token = BinXmlTokenByte.Kind(_b[pos]);
        switch (token)
        {
            case BinXmlToken.Value:
            {
                Need(pos, 2, limit);
                var type = _b[pos + 1];
                pos += 2;
                if ((BinXmlValueType)type != BinXmlValueType.String)
                {
                    throw Bad($"value token with type 0x{type:X2}", pos - 2);
                }

                return new BxNode { Kind = BxNodeKind.Text, Text = ReadCountedString(ref pos, limit) };
            }

            case BinXmlToken.CharRef:
                Need(pos, 3, limit);
                pos += 3;
                return new BxNode { Kind = BxNodeKind.CharRef, Index = U16(pos - 2) };
            case BinXmlToken.EntityRef:
            {
                Need(pos, 5, limit);
                var nameOffset = I32(pos + 1);
                pos += 5;
                return new BxNode { Kind = BxNodeKind.EntityRef, Name = ReadName(nameOffset, ref pos) };
            }

            default:
                Need(pos, 4, limit);
                pos += 4;
                return new BxNode
                {
                    Kind = BxNodeKind.Substitution,
                    Index = U16(pos - 3),
                    ValueType = (BinXmlValueType)_b[pos - 1],
                    Optional = token == BinXmlToken.OptionalSubstitution,
                };
        }
    }

    private BxNode ParsePi(ref int pos, int limit)
    {
        Need(pos, 5, limit);
        var nameOffset = I32(pos + 1);
        pos += 5;
        var node = new BxNode { Kind = BxNodeKind.ProcessingInstruction, Name = ReadName(nameOffset, ref pos) };
        if (pos < limit && (BinXmlToken)_b[pos] == BinXmlToken.PIData)
        {
            pos++;
            node.Text = ReadCountedString(ref pos, limit);
        }

        return node;
    }

    /// <summary>The tokens that make up text content or an attribute's value: literal text, references and substitutions.</summary>
    private static bool IsValuePart(BinXmlToken token) =>
        token is BinXmlToken.Value or BinXmlToken.CharRef or BinXmlToken.EntityRef
            or BinXmlToken.NormalSubstitution or BinXmlToken.OptionalSubstitution;

    private string ReadCountedString(ref int pos, int limit)
    {
        Need(pos, 2, limit);
        var chars = U16(pos);
        pos += 2;
        Need(pos, 2 * chars, limit);
        var s = Pool.GetUtf16(new ReadOnlySpan<byte>(_b, pos, 2 * chars));
        pos += 2 * chars;
        return s;
    }

    /// <summary>Reads a name by chunk offset; when the name is stored right here, steps over it.</summary>
    private string ReadName(int offset, ref int pos)
    {
        if (offset < 0 || offset > _length - 8)
        {
            throw Bad("name offset outside the chunk", pos);
        }

        var chars = U16(offset + 6);
        var size = 8 + (2 * chars) + 2;
        if (size > _length - offset)
        {
            throw Bad("name overruns the chunk", offset);
        }

        if (!_names.TryGetValue(offset, out var name))
        {
            name = Pool.GetUtf16(new ReadOnlySpan<byte>(_b, offset + 8, 2 * chars));
            _names[offset] = name;
        }

        if (offset == pos)
        {
            pos += size;
        }

        return name;
    }

    private int I32(int pos) => BinaryPrimitives.ReadInt32LittleEndian(new ReadOnlySpan<byte>(_b, pos, 4));

    private int U16(int pos) => _b[pos] | (_b[pos + 1] << 8);

    private static void Need(int pos, int count, int limit)
    {
        if (count < 0 || pos < 0 || pos > limit - count)
        {
            throw Bad("binary XML truncated", pos);
        }
    }

    private static InvalidDataException Bad(string message, int chunkOffset) =>
        new($"{message} (chunk offset 0x{chunkOffset:X})");
}
