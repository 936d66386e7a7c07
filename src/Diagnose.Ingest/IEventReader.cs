using Diagnose.Core.Records;

namespace Diagnose.Ingest;

/// <summary>
/// Reads one input format as a stream of records. A reader never throws on bad content: it reports
/// each problem with its position through <see cref="ReadContext"/>, counts what it skipped, and
/// yields every record it could read.
/// </summary>
public interface IEventReader
{
    /// <summary>Format id shown in reports: xml, csv, json, text, evtx, evt.</summary>
    string Format { get; }

    /// <summary>Reads every record it can from <paramref name="stream"/>, lazily; problems go to <paramref name="context"/>, never thrown.</summary>
    IEnumerable<EventRecord> Read(Stream stream, ReadContext context);
}
