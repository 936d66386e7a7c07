using Diagnose.Core.Records;
using Diagnose.Ingest.Detection;
using Diagnose.Ingest.Evtx;

namespace Diagnose.Ingest.Readers;

/// <summary>Legacy .evt logs (NT4, Windows 2000, Windows Server 2003), through the native reader.</summary>
internal sealed class EvtEventReader : IEventReader
{
    public string Format => FormatDetector.Evt;

    public IEnumerable<EventRecord> Read(Stream stream, ReadContext context) =>
        new EvtReader { Recover = context.Recover }.Read(stream, context.Source, context.Summary, context.Cancellation);
}
