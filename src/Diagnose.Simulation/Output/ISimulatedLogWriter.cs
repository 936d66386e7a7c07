using Diagnose.Core.Records;

namespace Diagnose.Simulation.Output;

/// <summary>Writes one node's log: <see cref="EvtxLogWriter"/> (.evtx, the default), <see cref="XmlLogWriter"/> (Event Viewer XML) or <see cref="GetWinEventJsonLogWriter"/> (Get-WinEvent JSON).</summary>
public interface ISimulatedLogWriter
{
    /// <summary>The file extension, with its dot.</summary>
    string Extension { get; }

    /// <summary>Writes <paramref name="records"/> (one node's log, in order) to <paramref name="stream"/> in this writer's format.</summary>
    void Write(Stream stream, IEnumerable<EventRecord> records);
}
