using System.Diagnostics.Tracing;

namespace Diagnose.TraceEmitter;

/// <summary>Stands in for the ESENT provider: the two events KB293302 names, with their insertion strings in order.</summary>
[EventSource(Name = "ESENT")]
internal sealed class EsentEventSource : EventSource
{
    public static readonly EsentEventSource Log = new();

    [Event(412, Level = EventLevel.Error)]
    public void LogHeaderUnreadable(string instance, int processId, int error) => WriteEvent(412, instance, processId, error);

    [Event(609, Level = EventLevel.Informational)]
    public void DatabaseUpgraded(string instance, int processId, string database) => WriteEvent(609, instance, processId, database);
}
