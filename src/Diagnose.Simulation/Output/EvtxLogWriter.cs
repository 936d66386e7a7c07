using Diagnose.Core.Records;
using Diagnose.Ingest.Evtx;

namespace Diagnose.Simulation.Output;

/// <summary>
/// Writes records as a binary Windows event log (.evtx), what a support engineer is usually sent. EVTX has
/// no place for the rendered message; the rules read the insertion strings, which it keeps.
/// </summary>
public sealed class EvtxLogWriter : ISimulatedLogWriter
{
    /// <summary>".evtx".</summary>
    public string Extension => ".evtx";

    /// <summary>Writes <paramref name="records"/> as one .evtx log; a stream that cannot seek gets it through a temporary file, since the file header is written last.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public void Write(Stream stream, IEnumerable<EventRecord> records)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek)
        {
            EvtxWriter.Write(stream, records);
            return;
        }

        // The file header is written last, so a forward-only stream gets the log through a temporary file.
        var spool = Path.Combine(Path.GetTempPath(), "diagnose-evtx-" + Guid.NewGuid().ToString("N") + ".tmp");
        using var file = new FileStream(spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 65536, FileOptions.DeleteOnClose);
        EvtxWriter.Write(file, records);
        file.Position = 0;
        file.CopyTo(stream);
    }
}
