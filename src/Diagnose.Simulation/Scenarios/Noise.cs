using Diagnose.Simulation.Cluster;

namespace Diagnose.Simulation.Scenarios;

/// <summary>Everyday events that mean nothing for the articles: full disks, browser elections, time sync, policy.</summary>
internal static class Noise
{
    public static void Emit(ClusterSimulator sim, Random random, int count, TimeSpan over)
    {
        var nodes = sim.State.Nodes.Where(n => n.Powered).Select(n => n.Name).ToList();
        if (nodes.Count == 0 || count <= 0)
        {
            sim.AdvanceTime(over);
            return;
        }

        for (var i = 0; i < count; i++)
        {
            sim.AdvanceTime(over / (count + 1) * (0.5 + random.NextDouble()));
            var node = nodes[random.Next(nodes.Count)];
            sim.Emit(node, random.Next(7) switch
            {
                0 => sim.Events.DiskNearlyFull(),
                1 => sim.Events.BrowserElection(),
                2 => sim.Events.TimeSynchronised($"{nodes[0].ToLowerInvariant()}dc.{sim.State.Domain}"),
                3 => sim.Events.ServiceState("Spooler", false),
                4 => sim.Events.ServiceState("Spooler", true),
                5 => sim.Events.NetlogonNoDc(sim.State.Domain.Split('.')[0].ToUpperInvariant()),
                _ => sim.Events.PolicyApplied(),
            });
        }
    }

    /// <summary>Splits a noise budget into <paramref name="parts"/> roughly equal chunks.</summary>
    public static int Share(int total, int parts, int index) => (total / parts) + (index < total % parts ? 1 : 0);
}
