using System.Globalization;
using System.Text;

namespace Diagnose.Ingest.Evtx.BinXml;

/// <summary>
/// Renders a decoded record as the event XML Windows produces: NULL optional substitutions drop their
/// element or attribute, array substitutions repeat their element once per item, nested BinXML is inlined.
/// </summary>
internal static class XmlRenderer
{
    private const int MaxDepth = 48;

    public static void Render(BxNode[] nodes, ValueSet? values, BinXmlParser parser, StringBuilder sb, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException("binary XML nested too deeply");
        }

        foreach (var n in nodes)
        {
            switch (n.Kind)
            {
                case BxNodeKind.Element:
                    RenderElement(n, values, parser, sb, depth);
                    break;
                case BxNodeKind.Instance when n.Template is not null:
                    Render(n.Template.Roots, n.Values, parser, sb, depth + 1);
                    break;
                case BxNodeKind.Text:
                    Escape(sb, n.Text, attribute: false);
                    break;
                case BxNodeKind.CData:
                    sb.Append("<![CDATA[").Append(n.Text).Append("]]>");
                    break;
                case BxNodeKind.CharRef:
                    sb.Append("&#").Append(n.Index.ToString(CultureInfo.InvariantCulture)).Append(';');
                    break;
                case BxNodeKind.EntityRef:
                    sb.Append('&').Append(n.Name).Append(';');
                    break;
                case BxNodeKind.ProcessingInstruction:
                    sb.Append("<?").Append(n.Name);
                    if (!string.IsNullOrEmpty(n.Text))
                    {
                        sb.Append(' ').Append(n.Text);
                    }

                    sb.Append("?>");
                    break;
                case BxNodeKind.Substitution:
                    RenderSubstitution(n, values, parser, sb, depth, attribute: false);
                    break;
                default:
                    break;
            }
        }
    }

    private static void RenderElement(BxNode e, ValueSet? values, BinXmlParser parser, StringBuilder sb, int depth)
    {
        if (BxEval.IsElementOmitted(e, values))
        {
            return;
        }

        // <Data>%1</Data> with an array value becomes one <Data> per item.
        if (BxEval.SingleSubstitution(e.Children) is { } s && values is not null
            && ValueFormatter.IsArray(values.TypeOf(s.Index)))
        {
            var items = new List<string>();
            ValueFormatter.FormatArray(values.TypeOf(s.Index), values.Data(s.Index), items);
            if (items.Count == 0)
            {
                items.Add(string.Empty);
            }

            foreach (var item in items)
            {
                OpenTag(e, values, parser, sb, depth);
                sb.Append('>');
                Escape(sb, item, attribute: false);
                sb.Append("</").Append(e.Name).Append('>');
            }

            return;
        }

        OpenTag(e, values, parser, sb, depth);
        var mark = sb.Length;
        sb.Append('>');
        var contentStart = sb.Length;
        Render(e.Children, values, parser, sb, depth + 1);
        if (sb.Length == contentStart)
        {
            sb.Length = mark;
            sb.Append("/>");
        }
        else
        {
            sb.Append("</").Append(e.Name).Append('>');
        }
    }

    private static void OpenTag(BxNode e, ValueSet? values, BinXmlParser parser, StringBuilder sb, int depth)
    {
        sb.Append('<').Append(e.Name);
        foreach (var a in e.Attributes)
        {
            if (BxEval.IsAttributeOmitted(a, values))
            {
                continue;
            }

            sb.Append(' ').Append(a.Name).Append("=\"");
            foreach (var p in a.Children)
            {
                switch (p.Kind)
                {
                    case BxNodeKind.Substitution:
                        RenderSubstitution(p, values, parser, sb, depth, attribute: true);
                        break;
                    case BxNodeKind.CharRef:
                        sb.Append("&#").Append(p.Index.ToString(CultureInfo.InvariantCulture)).Append(';');
                        break;
                    case BxNodeKind.EntityRef:
                        sb.Append('&').Append(p.Name).Append(';');
                        break;
                    default:
                        Escape(sb, p.Text, attribute: true);
                        break;
                }
            }

            sb.Append('"');
        }
    }

    private static void RenderSubstitution(BxNode n, ValueSet? values, BinXmlParser parser, StringBuilder sb, int depth, bool attribute)
    {
        if (values is null || !values.Has(n.Index))
        {
            return;
        }

        var type = values.TypeOf(n.Index);
        if (type == BinXmlValueType.BinXml)
        {
            Render(parser.GetNested(values, n.Index, depth), null, parser, sb, depth + 1);
            return;
        }

        if (type != BinXmlValueType.Null)
        {
            Escape(sb, ValueFormatter.Format(type, values.Data(n.Index), parser.Pool), attribute);
        }
    }

    private static void Escape(StringBuilder sb, string? text, bool attribute)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    sb.Append("&amp;");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '"' when attribute:
                    sb.Append("&quot;");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
    }
}
