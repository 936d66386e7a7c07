using System.Globalization;
using System.Text;
using System.Xml;
using Diagnose.Core.Records;
using Diagnose.Core.Time;

namespace Diagnose.Simulation.Output;

/// <summary>Writes records as <c>wevtutil qe /f:xml</c> does, wrapped in <c>&lt;Events&gt;</c>, one event a line, with RenderingInfo.</summary>
public sealed class XmlLogWriter : ISimulatedLogWriter
{
    private const string Ns = "http://schemas.microsoft.com/win/2004/08/events/event";

    public string Extension => ".xml";

    public void Write(Stream stream, IEnumerable<EventRecord> records)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, NewLineChars = "\n", CloseOutput = false };
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteWhitespace("\n");
        xml.WriteStartElement("Events");
        xml.WriteWhitespace("\n");
        foreach (var r in records)
        {
            xml.WriteStartElement("Event", Ns);
            xml.WriteStartElement("System", Ns);
            xml.WriteStartElement("Provider", Ns);
            xml.WriteAttributeString("Name", r.Provider);
            xml.WriteEndElement();
            xml.WriteStartElement("EventID", Ns);
            xml.WriteAttributeString("Qualifiers", r.Qualifiers.ToString(CultureInfo.InvariantCulture));
            xml.WriteString(r.EventId.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteElementString("Level", Ns, r.Level.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("Task", Ns, "0");
            xml.WriteElementString("Keywords", Ns, "0x80000000000000");
            xml.WriteStartElement("TimeCreated", Ns);
            xml.WriteAttributeString("SystemTime", IsoTime.Format(r.TimeUtc!.Value, IsoPrecision.Nanoseconds));
            xml.WriteEndElement();
            xml.WriteElementString("EventRecordID", Ns, r.RecordNumber!.Value.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("Channel", Ns, r.Channel);
            xml.WriteElementString("Computer", Ns, r.Computer);
            xml.WriteStartElement("Security", Ns);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("EventData", Ns);
            foreach (var d in r.Data)
            {
                xml.WriteElementString("Data", Ns, d.Value);
            }

            xml.WriteEndElement();
            xml.WriteStartElement("RenderingInfo", Ns);
            xml.WriteAttributeString("Culture", "en-US");
            xml.WriteElementString("Message", Ns, r.Message);
            xml.WriteElementString("Provider", Ns, r.Provider);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteWhitespace("\n");
        }

        xml.WriteEndElement();
        xml.WriteWhitespace("\n");
    }
}
