using System.Globalization;
using System.Text;
using System.Xml;
using Diagnose.Core.Records;
using Diagnose.Core.Time;

namespace Diagnose.Cli.Events;

/// <summary>
/// The event XML for a record that has no binary XML of its own (EVT, Event Viewer XML/CSV, JSON, pasted
/// text): the System elements Windows writes, from the record's fields, and EventData with its items.
/// </summary>
internal static class RecordXml
{
    private static readonly XmlWriterSettings Settings = new() { OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Fragment, NewLineHandling = NewLineHandling.Entitize };

    public static string Render(EventRecord r)
    {
        var sb = new StringBuilder(512);
        using (var w = XmlWriter.Create(sb, Settings))
        {
            const string ns = "http://schemas.microsoft.com/win/2004/08/events/event";
            w.WriteStartElement("Event", ns);
            w.WriteStartElement("System", ns);
            w.WriteStartElement("Provider", ns);
            w.WriteAttributeString("Name", r.Provider);
            if (r.ProviderGuid is { } g)
            {
                w.WriteAttributeString("Guid", g.ToString("B").ToUpperInvariant());
            }

            w.WriteEndElement();
            w.WriteStartElement("EventID", ns);
            if (r.Qualifiers != 0)
            {
                w.WriteAttributeString("Qualifiers", Num(r.Qualifiers));
            }

            w.WriteString(Num(r.EventId));
            w.WriteEndElement();
            Optional(w, ns, "Version", r.Version);
            w.WriteElementString("Level", ns, Num(r.Level));
            Optional(w, ns, "Task", r.Task);
            Optional(w, ns, "Opcode", r.Opcode);
            if (r.Keywords is { } k)
            {
                w.WriteElementString("Keywords", ns, "0x" + k.ToString("x16", CultureInfo.InvariantCulture));
            }

            if (r.TimeUtc is { } t)
            {
                w.WriteStartElement("TimeCreated", ns);
                w.WriteAttributeString("SystemTime", IsoTime.Format(t, IsoPrecision.Ticks));
                w.WriteEndElement();
            }

            if (r.RecordNumber is { } n)
            {
                w.WriteElementString("EventRecordID", ns, n.ToString(CultureInfo.InvariantCulture));
            }

            if (r.ProcessId is not null || r.ThreadId is not null)
            {
                w.WriteStartElement("Execution", ns);
                if (r.ProcessId is { } p)
                {
                    w.WriteAttributeString("ProcessID", Num(p));
                }

                if (r.ThreadId is { } th)
                {
                    w.WriteAttributeString("ThreadID", Num(th));
                }

                w.WriteEndElement();
            }

            if (r.Channel is not null)
            {
                w.WriteElementString("Channel", ns, Clean(r.Channel));
            }

            if (r.Computer is not null)
            {
                w.WriteElementString("Computer", ns, Clean(r.Computer));
            }

            w.WriteStartElement("Security", ns);
            if (r.UserSid is not null)
            {
                w.WriteAttributeString("UserID", Clean(r.UserSid));
            }

            w.WriteEndElement();
            w.WriteEndElement(); // System
            if (r.Data.Count > 0)
            {
                w.WriteStartElement("EventData", ns);
                foreach (var d in r.Data)
                {
                    w.WriteStartElement("Data", ns);
                    if (d.Name is not null)
                    {
                        w.WriteAttributeString("Name", Clean(d.Name));
                    }

                    w.WriteString(Clean(d.Value ?? string.Empty));
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            if (r.Message is not null)
            {
                w.WriteStartElement("RenderingInfo", ns);
                w.WriteElementString("Message", ns, Clean(r.Message));
                w.WriteEndElement();
            }

            w.WriteEndElement(); // Event
        }

        return sb.ToString();
    }

    private static void Optional(XmlWriter w, string ns, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteElementString(name, ns, Num(v));
        }
    }

    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Characters XML 1.0 cannot carry (control characters in damaged logs) become U+FFFD.</summary>
    internal static string Clean(string s)
    {
        foreach (var c in s)
        {
            if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
            {
                return string.Create(s.Length, s, static (span, src) =>
                {
                    for (var i = 0; i < src.Length; i++)
                    {
                        span[i] = XmlConvert.IsXmlChar(src[i]) || char.IsSurrogate(src[i]) ? src[i] : '\uFFFD';
                    }
                });
            }
        }

        return s;
    }
}
