using System.Diagnostics.Tracing;

namespace Diagnose.TraceEmitter;

/// <summary>Stands in for the MSExchangeDS provider: event 1002, the directory database failed to initialise.</summary>
[EventSource(Name = "MSExchangeDS")]
internal sealed class ExchangeDirectoryEventSource : EventSource
{
    public static readonly ExchangeDirectoryEventSource Log = new();

    [Event(1002, Level = EventLevel.Error)]
    public void InitFailed(int error) => WriteEvent(1002, error);
}
