using Diagnose.Core.Records;
using Diagnose.Ingest.Detection;
using Diagnose.Ingest.Evtx;

namespace Diagnose.Ingest.Readers;

/// <summary>Binary .evtx logs, through the native reader in Diagnose.Ingest.Evtx.</summary>
internal sealed class EvtxEventReader : IEventReader
{
    public string Format => FormatDetector.Evtx;

    public IEnumerable<EventRecord> Read(Stream stream, ReadContext context) =>
        new EvtxReader { Recover = context.Recover }.Read(stream, context.Source, context.Summary, context.Cancellation);
}
