using System.Globalization;
using System.Text;
using System.Xml;
using Diagnose.Core.Records;
using Diagnose.Core.Time;

namespace Diagnose.Ingest.Evtx.Writing;

/// <summary>
/// The one event-XML writer of the product, the counterpart of the Event Viewer XML reader: the System elements
/// Windows writes, from the record's fields, EventData with its items, and the message as RenderingInfo. Used by
/// <c>diagnose events --format xml</c> for records that have no binary XML of their own (EVT, Event Viewer
/// XML/CSV, JSON, pasted text) and by the simulator for its Event Viewer XML logs (<see cref="WriteLog"/>,
/// the shape <c>wevtutil qe /f:xml</c> gives wrapped in <c>&lt;Events&gt;</c>).
/// </summary>
public static class EventXmlWriter
{
    private const string Ns = "http://schemas.microsoft.com/win/2004/08/events/event";

    private static readonly XmlWriterSettings FragmentSettings = new() { OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Fragment, NewLineHandling = NewLineHandling.Entitize };

    /// <summary>One record as an <c>Event</c> element, on one line.</summary>
    public static string Render(EventRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sb = new StringBuilder(512);
        using (var w = XmlWriter.Create(sb, FragmentSettings))
        {
            WriteEvent(w, r);
        }

        return sb.ToString();
    }

    /// <summary>A whole log: an XML declaration and <c>&lt;Events&gt;</c> holding one event a line, UTF-8 without BOM.</summary>
    public static void WriteLog(Stream stream, IEnumerable<EventRecord> records)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(records);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize, CloseOutput = false };
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteWhitespace("\n");
        xml.WriteStartElement("Events");
        xml.WriteWhitespace("\n");
        foreach (var r in records)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(records));
            WriteEvent(xml, r);
            xml.WriteWhitespace("\n");
        }

        xml.WriteEndElement();
        xml.WriteWhitespace("\n");
    }

    private static void WriteEvent(XmlWriter w, EventRecord r)
    {
        w.WriteStartElement("Event", Ns);
        w.WriteStartElement("System", Ns);
        w.WriteStartElement("Provider", Ns);
        w.WriteAttributeString("Name", r.Provider);
        if (r.ProviderGuid is { } g)
        {
            w.WriteAttributeString("Guid", g.ToString("B").ToUpperInvariant());
        }

        w.WriteEndElement();
        w.WriteStartElement("EventID", Ns);
        if (r.Qualifiers != 0)
        {
            w.WriteAttributeString("Qualifiers", Num(r.Qualifiers));
        }

        w.WriteString(Num(r.EventId));
        w.WriteEndElement();
        Optional(w, "Version", r.Version);
        w.WriteElementString("Level", Ns, Num(r.Level));
        Optional(w, "Task", r.Task);
        Optional(w, "Opcode", r.Opcode);
        if (r.Keywords is { } k)
        {
            w.WriteElementString("Keywords", Ns, "0x" + k.ToString("x16", CultureInfo.InvariantCulture));
        }

        if (r.TimeUtc is { } t)
        {
            w.WriteStartElement("TimeCreated", Ns);
            w.WriteAttributeString("SystemTime", IsoTime.Format(t, IsoPrecision.Ticks));
            w.WriteEndElement();
        }

        if (r.RecordNumber is { } n)
        {
            w.WriteElementString("EventRecordID", Ns, n.ToString(CultureInfo.InvariantCulture));
        }

        if (r.ProcessId is not null || r.ThreadId is not null)
        {
            w.WriteStartElement("Execution", Ns);
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
            w.WriteElementString("Channel", Ns, Clean(r.Channel));
        }

        if (r.Computer is not null)
        {
            w.WriteElementString("Computer", Ns, Clean(r.Computer));
        }

        w.WriteStartElement("Security", Ns);
        if (r.UserSid is not null)
        {
            w.WriteAttributeString("UserID", Clean(r.UserSid));
        }

        w.WriteEndElement();
        w.WriteEndElement(); // System
        if (r.Data.Count > 0)
        {
            w.WriteStartElement("EventData", Ns);
            foreach (var d in r.Data)
            {
                w.WriteStartElement("Data", Ns);
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
            w.WriteStartElement("RenderingInfo", Ns);
            w.WriteElementString("Message", Ns, Clean(r.Message));
            w.WriteEndElement();
        }

        w.WriteEndElement(); // Event
    }

    private static void Optional(XmlWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteElementString(name, Ns, Num(v));
        }
    }

    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Characters XML 1.0 cannot carry (control characters in damaged logs) become U+FFFD.</summary>
    public static string Clean(string s)
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
