using Diagnose.Simulation.Model;
using Diagnose.Simulation.Scenarios;

namespace Diagnose.Simulation.Output;

/// <summary>
/// Writes a run as a support engineer receives it: one file per node and log (<c>NODE_System.evtx</c>,
/// <c>NODE_Application.evtx</c>, or <c>.xml</c> with <see cref="XmlLogWriter"/>) and <c>snapshot.json</c>. Windows 2000 and later name the computer by
/// its FQDN, NT4 by its NetBIOS name. Record numbers start where a long-lived log would be.
/// </summary>
public static class SimulationOutput
{
    /// <summary>Writes the run's logs and snapshot into <paramref name="folder"/>, creating it; a log the node left empty gets no file.</summary>
    /// <param name="run">The finished run.</param>
    /// <param name="folder">The output folder.</param>
    /// <param name="writer">The log format; .evtx when null.</param>
    /// <returns>The paths written, the logs first and <c>snapshot.json</c> last.</returns>
    public static IReadOnlyList<string> Write(SimulationRun run, string folder, ISimulatedLogWriter? writer = null)
    {
        writer ??= new EvtxLogWriter();
        Directory.CreateDirectory(folder);
        var sim = run.Simulator;
        var random = new Random(sim.State.Name.Length * 7919);
        var written = new List<string>();
        foreach (var node in sim.State.Nodes)
        {
            var computer = node.Os >= OsVersion.Windows2000 ? $"{node.Name}.{sim.State.Domain}" : node.Name;
            foreach (var channel in new[] { "System", "Application" })
            {
                var path = Path.Combine(folder, $"{node.Name}_{channel}{writer.Extension}");
                var records = sim.Journal.Records(node.Name, channel, computer, 1000 + random.Next(40000), path).ToList();
                if (records.Count == 0)
                {
                    continue;
                }

                using (var stream = File.Create(path))
                {
                    writer.Write(stream, records);
                }

                written.Add(path);
            }
        }

        var snapshot = Path.Combine(folder, "snapshot.json");
        using (var text = new StreamWriter(snapshot, append: false, new System.Text.UTF8Encoding(false)))
        {
            SnapshotWriter.Write(text, sim.State, sim.Now);
        }

        written.Add(snapshot);
        return written;
    }
}
