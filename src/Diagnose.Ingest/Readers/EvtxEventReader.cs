using Diagnose.Core.Records;
using Diagnose.Ingest.Detection;
using Diagnose.Ingest.Evtx;

namespace Diagnose.Ingest.Readers;

/// <summary>Binary .evtx logs, through the native reader in Diagnose.Ingest.Evtx.</summary>
public sealed class EvtxEventReader : IEventReader
{
    private readonly EvtxReader _reader = new();

    public string Format => FormatDetector.Evtx;

    public IEnumerable<EventRecord> Read(Stream stream, ReadContext context) =>
        _reader.Read(stream, context.Source, context.Summary, context.Cancellation);
}
