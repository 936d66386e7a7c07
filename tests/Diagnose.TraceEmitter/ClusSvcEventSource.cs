using System.Diagnostics.Tracing;

namespace Diagnose.TraceEmitter;

/// <summary>Stands in for the ClusSvc provider: 1042 (generic service failed) and 1024 (registry checkpoint not restored).</summary>
[EventSource(Name = "ClusSvc")]
internal sealed class ClusSvcEventSource : EventSource
{
    public static readonly ClusSvcEventSource Log = new();

    [Event(1042, Level = EventLevel.Error)]
    public void GenericServiceFailed(string resource) => WriteEvent(1042, resource);

    [Event(1024, Level = EventLevel.Warning)]
    public void CheckpointNotRestored(string resource, string registryKey) => WriteEvent(1024, resource, registryKey);
}
