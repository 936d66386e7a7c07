using Diagnose.Core.Records;
using Diagnose.Ingest.Detection;
using Microsoft.Diagnostics.Tracing;

namespace Diagnose.Ingest.Readers;

/// <summary>
/// .NET EventPipe traces (<c>.nettrace</c>, as written by dotnet-trace or DiagnosticsClient), on every OS,
/// through TraceEvent's EventPipe source, which reads the stream as it arrives: nothing is spooled.
/// Records are numbered 1, 2, … in the order TraceEvent delivers them (time order).
/// </summary>
internal sealed class NettraceEventReader : IEventReader
{
    public string Format => FormatDetector.Nettrace;

    public IEnumerable<EventRecord> Read(Stream stream, ReadContext context)
    {
        using var framed = new NettraceFramingStream(stream);
        var pump = new TraceEventPump(() => new EventPipeEventSource(framed), TraceEventRecords.NodeFromFileName(context.Source));
        foreach (var record in pump.Read(context))
        {
            yield return record;
        }

        if (framed.Truncation is var (kind, start, end))
        {
            context.Problem(kind switch
            {
                "end-of-trace tag" => $"the trace is cut short: it stops between two blocks, without its end-of-trace tag; every block was read",
                "EventBlock" => $"the trace is cut short: the file ends at offset {end} inside the event block that starts here; " +
                    "the events in that block (their number is unknown) are lost, every event of the complete blocks before it was read",
                _ => $"the trace is cut short: the file ends at offset {end} inside the {kind} that starts here; everything before it was read",
            }, offset: start);
        }

        if (pump.Failure is { } failure)
        {
            context.Problem(
                $"TraceEvent stopped reading the trace ({failure.GetType().Name}: {failure.Message}) after {framed.Delivered} bytes; " +
                "the events before that point were read, any after it are lost", offset: framed.Delivered);
        }

        if (pump.EventsLost > 0)
        {
            context.Problem($"the trace records that {pump.EventsLost} events were dropped while it was being collected (they are not in the file)");
        }
    }
}
