using Diagnose.Knowledge.Events;
using Diagnose.Simulation.Cluster;
using Diagnose.Simulation.Model;
using Diagnose.Simulation.Validation;

namespace Diagnose.Simulation.Scenarios;

/// <summary>
/// Q188674: Exchange 5.5 on a cluster. The directory is restored online without starting the services,
/// then brought online from Cluster Administrator: the cluster writes its checkpointed registry key back,
/// erasing "Restore in Progress" (MSExchangeDS 1002 -528, ClusSvc 1042). Some runs go on with the article's
/// fix (restore with "start services", then online: a harmless ClusSvc 1024).
/// </summary>
internal static class DirectoryRestoreModel
{
    public static SimulationRun Build(DirectoryRestoreSetup setup, bool incident, string name, string? kb, EventCatalog events)
    {
        var random = new Random(setup.Seed);
        var nodes = setup.Nodes;
        // Exchange 5.5 ran on two-node NT4 clusters; the larger variants run Windows 2000 Datacenter nodes.
        var os = nodes.Count == 2 ? OsVersion.Nt4Sp4 : OsVersion.Windows2000;
        var state = ClusterFactory.Create(setup.Cluster, nodes, os, 40 + random.Next(40), 0x10 + random.Next(0x40));
        ClusterFactory.SetOs(state, setup.NodeOs);
        var exchange = ClusterFactory.Group(setup.Group, nodes,
            ClusterFactory.Plain("Disk E:", "Physical Disk", nodes),
            ClusterFactory.Plain("EXVS IP Address", "IP Address", nodes),
            ClusterFactory.Plain("EXVS Network Name", "Network Name", nodes),
            new SimResource { Name = setup.DirectoryResource, Type = "Generic Service", Kind = ResourceKind.ExchangeDirectory, Service = "MSExchangeDS", PossibleOwners = [.. nodes], FailoverOnFailure = false },
            ClusterFactory.Plain("Microsoft Exchange Information Store", "Generic Service", nodes));
        exchange.Owner = setup.Owner;
        state.Groups.Add(exchange);
        state.Backups.Add(new Backup("clusdb", state.ConfigVersion, setup.Start.AddDays(-3)));

        var sim = new ClusterSimulator(state, setup.Start, setup.Seed, events);
        foreach (var node in nodes)
        {
            sim.PowerOn(node);
        }

        sim.MoveGroup(setup.Group, setup.Owner);
        var binding = new PlanBinding().Set("node", setup.Owner).Set("resource", setup.DirectoryResource);
        Noise.Emit(sim, random, Noise.Share(setup.Noise, 3, 0), setup.BeforeRestore);
        if (!incident)
        {
            var other = nodes.First(n => n != setup.Owner);
            sim.MoveGroup(setup.Group, other);
            Noise.Emit(sim, random, Noise.Share(setup.Noise, 3, 1), TimeSpan.FromHours(5));
            sim.Reboot(setup.Owner);
            sim.MoveGroup(setup.Group, setup.Owner);
            Noise.Emit(sim, random, Noise.Share(setup.Noise, 3, 2), TimeSpan.FromHours(5));
            return new SimulationRun(name, null, "", sim, binding, [setup.DirectoryResource]);
        }

        sim.TakeOffline(setup.Group);
        sim.Wait(240);
        sim.RestoreDirectory(startServices: false);
        sim.Wait(120);
        sim.BringOnline(setup.DirectoryResource);
        Noise.Emit(sim, random, Noise.Share(setup.Noise, 3, 1), TimeSpan.FromMinutes(40));
        if (setup.FixFollows)
        {
            sim.RestoreDirectory(startServices: true);
            sim.Wait(300);
            sim.BringOnline(setup.DirectoryResource);
            sim.BringOnline(setup.Group);
        }

        Noise.Emit(sim, random, Noise.Share(setup.Noise, 3, 2), TimeSpan.FromHours(3));
        return new SimulationRun(name, kb, "", sim, binding, [setup.DirectoryResource]);
    }
}
