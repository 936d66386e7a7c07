using System.Text;

namespace Diagnose.Ingest.Evtx.BinXml;

/// <summary>Reads node content against a record's substitution values: text, integers, times, GUIDs.</summary>
internal static class BxEval
{
    /// <summary>An optional substitution whose value is NULL: Windows leaves its element or attribute out.</summary>
    public static bool IsNullOptional(BxNode part, ValueSet? values) =>
        part.Kind == BxNodeKind.Substitution && part.Optional && (values is null || values.TypeOf(part.Index) == BinXmlValueType.Null);

    public static bool IsAttributeOmitted(BxNode attribute, ValueSet? values)
    {
        var parts = attribute.Children;
        if (parts.Length == 0)
        {
            return false;
        }

        foreach (var p in parts)
        {
            if (!IsNullOptional(p, values))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An element is left out when its content is only NULL optional substitutions and it keeps no attribute
    /// (so &lt;Data Name="X"/&gt; stays, an empty &lt;Keywords/&gt; from a NULL value goes).
    /// </summary>
    public static bool IsElementOmitted(BxNode element, ValueSet? values)
    {
        var children = element.Children;
        if (children.Length == 0)
        {
            return false;
        }

        foreach (var c in children)
        {
            if (!IsNullOptional(c, values))
            {
                return false;
            }
        }

        foreach (var a in element.Attributes)
        {
            if (!IsAttributeOmitted(a, values))
            {
                return false;
            }
        }

        return true;
    }

    public static BxNode? FindAttribute(BxNode element, string name, ValueSet? values)
    {
        foreach (var a in element.Attributes)
        {
            if (a.Name == name && !IsAttributeOmitted(a, values))
            {
                return a;
            }
        }

        return null;
    }

    /// <summary>The single substitution making up some content, or null when the content is anything else.</summary>
    public static BxNode? SingleSubstitution(BxNode[] parts) =>
        parts.Length == 1 && parts[0].Kind == BxNodeKind.Substitution ? parts[0] : null;

    public static string GetText(BxNode[] parts, ValueSet? values, BinXmlParser parser, int depth = 0)
    {
        if (parts.Length == 1)
        {
            return PartText(parts[0], values, parser, depth);
        }

        if (parts.Length == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (var p in parts)
        {
            if (p.Kind is BxNodeKind.Element or BxNodeKind.Instance)
            {
                continue;
            }

            sb.Append(PartText(p, values, parser, depth));
        }

        return sb.ToString();
    }

    private static string PartText(BxNode p, ValueSet? values, BinXmlParser parser, int depth)
    {
        switch (p.Kind)
        {
            case BxNodeKind.Text:
            case BxNodeKind.CData:
                return p.Text ?? string.Empty;
            case BxNodeKind.CharRef:
                return ((char)p.Index).ToString();
            case BxNodeKind.EntityRef:
                return p.Name switch
                {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "&" + p.Name + ";",
                };
            case BxNodeKind.Substitution when values is not null && values.Has(p.Index):
            {
                var type = values.TypeOf(p.Index);
                if (type == BinXmlValueType.BinXml)
                {
                    var sb = new StringBuilder();
                    XmlRenderer.Render(parser.GetNested(values, p.Index, depth), null, parser, sb, depth + 1);
                    return sb.ToString();
                }

                return ValueFormatter.Format(type, values.Data(p.Index), parser.Pool);
            }

            default:
                return string.Empty;
        }
    }

    public static bool TryGetUInt64(BxNode[] parts, ValueSet? values, BinXmlParser parser, out ulong value)
    {
        if (SingleSubstitution(parts) is { } s)
        {
            value = 0;
            return values is not null && values.Has(s.Index) && ValueFormatter.TryGetUInt64(values.TypeOf(s.Index), values.Data(s.Index), out value);
        }

        return ValueFormatter.TryParseUInt64(GetText(parts, values, parser), out value);
    }

    public static DateTime? GetTime(BxNode[] parts, ValueSet? values, BinXmlParser parser)
    {
        if (SingleSubstitution(parts) is { } s)
        {
            return values is not null && values.Has(s.Index) ? ValueFormatter.TryGetTime(values.TypeOf(s.Index), values.Data(s.Index)) : null;
        }

        return parts.Length == 0 ? null : ValueFormatter.ParseTime(GetText(parts, values, parser));
    }

    public static Guid? GetGuid(BxNode[] parts, ValueSet? values, BinXmlParser parser)
    {
        if (SingleSubstitution(parts) is { } s && values is not null && values.TypeOf(s.Index) == BinXmlValueType.Guid)
        {
            var d = values.Data(s.Index);
            return d.Length >= 16 ? new Guid(d[..16]) : null;
        }

        return Guid.TryParse(GetText(parts, values, parser), out var g) ? g : null;
    }
}
