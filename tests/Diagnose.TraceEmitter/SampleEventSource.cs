using System.Diagnostics.Tracing;

namespace Diagnose.TraceEmitter;

/// <summary>Events with every payload shape the reader must turn into text: strings, integers, floating point, booleans, GUIDs. (No arrays: the runtime's nettrace metadata for manifest-based events cannot describe them.)</summary>
[EventSource(Name = "Diagnose-TraceEmitter")]
internal sealed class SampleEventSource : EventSource
{
    public static readonly SampleEventSource Log = new();

    /// <summary>EventSource refuses keywords it has not been told about.</summary>
    public static class Keywords
    {
        public const EventKeywords Text = (EventKeywords)0x10;
    }

    [Event(1, Level = EventLevel.Informational, Keywords = Keywords.Text)]
    public void Text(string message, int sequence) => WriteEvent(1, message, sequence);

    [Event(2, Level = EventLevel.Warning, Opcode = EventOpcode.Info)]
    public void Numbers(long big, double ratio, bool flag, int sequence) => WriteEvent(2, big, ratio, flag, sequence);

    [Event(3, Level = EventLevel.Verbose)]
    public void Identity(Guid id, int sequence) => WriteEvent(3, id, sequence);
}
