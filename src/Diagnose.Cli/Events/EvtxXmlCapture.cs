using Diagnose.Core.Records;
using Diagnose.Ingest;
using Diagnose.Ingest.Detection;
using Diagnose.Ingest.Evtx;

namespace Diagnose.Cli.Events;

/// <summary>
/// The EVTX reader for <c>events --format xml</c>: it keeps the XML Windows would show for the record it
/// yielded last, so the command prints the file's own XML rather than one rebuilt from the record's fields.
/// </summary>
internal sealed class EvtxXmlCapture : IEventReader
{
    private EventRecord? _last;
    private string? _xml;

    public string Format => FormatDetector.Evtx;

    public IEnumerable<EventRecord> Read(Stream stream, ReadContext context)
    {
        foreach (var x in new EvtxReader { Recover = context.Recover }.ReadXml(stream, context.Source, context.Summary, context.Cancellation))
        {
            (_last, _xml) = (x.Record, x.Xml);
            yield return x.Record;
        }
    }

    /// <summary>The XML of <paramref name="record"/> if this reader produced it, else null.</summary>
    public string? XmlOf(EventRecord record) => ReferenceEquals(record, _last) ? _xml : null;
}
