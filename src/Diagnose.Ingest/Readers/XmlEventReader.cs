using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Diagnose.Core.Records;
using Diagnose.Ingest.Decoding;

namespace Diagnose.Ingest.Readers;

/// <summary>
/// Reads Event Viewer "Save as XML" and <c>wevtutil qe /f:xml</c> output: an <c>&lt;Events&gt;</c> root or a
/// bare sequence of <c>&lt;Event&gt;</c> elements, with or without RenderingInfo. Only one event is held in
/// memory at a time. Element names are matched without their namespace, since exports differ.
/// </summary>
internal sealed class XmlEventReader : IEventReader
{
    public string Format => "xml";

    public IEnumerable<EventRecord> Read(Stream stream, ReadContext context)
    {
        // The reader decodes by BOM, so a UTF-16 file whose declaration still says UTF-8 reads fine.
        using var text = new CheckedTextReader(stream, context);
        // An XML declaration must come first, so white space before it (pastes, editors) is passed over here
        // and the reader told where it starts, to keep line numbers true.
        var (skippedLines, skippedColumns) = SkipLeadingWhiteSpace(text);
        var settings = new XmlReaderSettings
        {
            LineNumberOffset = skippedLines,
            LinePositionOffset = skippedColumns,
            ConformanceLevel = ConformanceLevel.Fragment,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        using var xml = XmlReader.Create(text, settings);
        var lineInfo = (IXmlLineInfo)xml;
        var advance = true;
        var events = 0;
        while (true)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            XElement? element = null;
            var line = 0;
            var inEvent = false;
            try
            {
                if (advance && !xml.Read())
                {
                    break;
                }

                advance = true;
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Event")
                {
                    line = lineInfo.LineNumber;
                    inEvent = true;
                    element = (XElement)XNode.ReadFrom(xml);

                    // ReadFrom leaves the reader on the node after the element, which may be the next event.
                    advance = false;
                    if (xml.EOF)
                    {
                        advance = true;
                    }
                }
            }
            catch (XmlException e)
            {
                var where = inEvent ? $"the <Event> that starts on line {line} is cut off or malformed" : "the XML is malformed";
                var message = $"{where}: {e.Message}; nothing after this point can be read";
                if (inEvent)
                {
                    context.Skip(message, line: e.LineNumber, column: e.LinePosition);
                }
                else
                {
                    context.Problem(message, line: e.LineNumber, column: e.LinePosition);
                }

                yield break;
            }

            if (element is null)
            {
                continue;
            }

            events++;
            var record = ToRecord(element, line, context);
            if (record is not null)
            {
                yield return record;
            }
        }

        if (events == 0)
        {
            context.Problem("the XML holds no <Event> elements");
        }
    }

    private static (int Lines, int Columns) SkipLeadingWhiteSpace(TextReader text)
    {
        var lines = 0;
        var columns = 0;
        while (text.Peek() is ' ' or '\t' or '\r' or '\n')
        {
            var c = text.Read();
            if (c == '\n' || (c == '\r' && text.Peek() != '\n'))
            {
                lines++;
                columns = 0;
            }
            else if (c != '\r')
            {
                columns++;
            }
        }

        return (lines, columns);
    }

    private static EventRecord? ToRecord(XElement ev, int line, ReadContext context)
    {
        var system = Child(ev, "System");
        var provider = Child(system, "Provider");
        var providerName = NonEmpty(Attr(provider, "Name")) ?? NonEmpty(Attr(provider, "EventSourceName"));
        var eventIdElement = Child(system, "EventID");
        if (providerName is null)
        {
            context.Skip("event skipped: it has no System/Provider Name", line: line);
            return null;
        }

        if (eventIdElement is null || !EventIdentifiers.TryParse(eventIdElement.Value, out var rawId))
        {
            context.Skip(eventIdElement is null ? "event skipped: it has no System/EventID"
                : $"event skipped: EventID '{eventIdElement.Value.Trim()}' is not a number", line: line);
            return null;
        }

        var (id, highBits) = EventIdentifiers.Split(rawId);
        var qualifiers = Int(Attr(eventIdElement, "Qualifiers")) ?? highBits;

        DateTime? time = null;
        var systemTime = Attr(Child(system, "TimeCreated"), "SystemTime");
        if (systemTime is not null)
        {
            if (EventTimes.TryParseIso(systemTime, out var utc))
            {
                time = utc;
            }
            else
            {
                context.Problem($"TimeCreated SystemTime '{systemTime}' is not an ISO-8601 time; the record has no time", line: line);
            }
        }

        var execution = Child(system, "Execution");
        var providerGuid = Attr(provider, "Guid");
        return new EventRecord
        {
            Provider = providerName,
            ProviderGuid = Guid.TryParse(providerGuid, out var guid) ? guid : null,
            EventId = id,
            Qualifiers = qualifiers,
            Version = Int(Child(system, "Version")?.Value),
            Level = Int(Child(system, "Level")?.Value) ?? 0,
            Task = Int(Child(system, "Task")?.Value),
            Opcode = Int(Child(system, "Opcode")?.Value),
            Keywords = Keywords(Child(system, "Keywords")?.Value),
            TimeUtc = time,
            RecordNumber = long.TryParse(Child(system, "EventRecordID")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null,
            Channel = NonEmpty(Child(system, "Channel")?.Value),
            Computer = NonEmpty(Child(system, "Computer")?.Value),
            UserSid = NonEmpty(Attr(Child(system, "Security"), "UserID")),
            ProcessId = Int(Attr(execution, "ProcessID")),
            ThreadId = Int(Attr(execution, "ThreadID")),
            Data = ReadData(ev),
            Message = NonEmpty(Child(Child(ev, "RenderingInfo"), "Message")?.Value),
            Origin = new RecordOrigin(context.Source, Line: line),
        };
    }

    private static List<EventDataItem> ReadData(XElement ev)
    {
        var data = new List<EventDataItem>();
        var eventData = Child(ev, "EventData");
        if (eventData is not null)
        {
            foreach (var item in eventData.Elements().Where(e => e.Name.LocalName == "Data"))
            {
                data.Add(new EventDataItem(NonEmpty(Attr(item, "Name")), item.Value));
            }
        }

        // UserData has one provider-defined child; its leaf elements are the values, in document order.
        var userData = Child(ev, "UserData")?.Elements().FirstOrDefault();
        if (userData is not null)
        {
            foreach (var leaf in userData.Descendants().Where(e => !e.HasElements))
            {
                data.Add(new EventDataItem(leaf.Name.LocalName, leaf.Value));
            }
        }

        return data;
    }

    private static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static string? Attr(XElement? element, string name) => element?.Attribute(name)?.Value;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int? Int(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static ulong? Keywords(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        return t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(t.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : null
            : ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var dec) ? dec : null;
    }
}
