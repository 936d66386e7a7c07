using Diagnose.Core.Records;

namespace Diagnose.Simulation.Output;

/// <summary>Writes one node's log (Event Viewer XML today; EVTX once the writer is merged).</summary>
public interface ISimulatedLogWriter
{
    /// <summary>The file extension, with its dot.</summary>
    string Extension { get; }

    void Write(Stream stream, IEnumerable<EventRecord> records);
}
