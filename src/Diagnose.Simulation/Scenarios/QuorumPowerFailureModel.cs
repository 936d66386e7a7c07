using Diagnose.Knowledge.Events;
using Diagnose.Simulation.Cluster;
using Diagnose.Simulation.Model;
using Diagnose.Simulation.Validation;

namespace Diagnose.Simulation.Scenarios;

/// <summary>
/// Q217147: an NT4 SP4 cluster runs for days, every node loses power at once, and the cluster cannot
/// start, or starts with old settings. Which of the article's situations arises follows from the model:
/// changes made while every node ran are in no checkpoint (SP4 logs only while a node is down), a hive
/// flush cut by the power loss empties Clusdb, and an interrupted checkpoint loaded by SP4 corrupts Clusdb.
/// </summary>
internal static class QuorumPowerFailureModel
{
    public static SimulationRun Build(QuorumPowerFailureSetup setup, string name, string? kb, EventCatalog events)
    {
        var random = new Random(setup.Seed);
        var nodes = setup.Nodes;
        var kind = setup.Kind;
        var os = kind == QuorumPowerFailureKind.Healthy ? OsVersion.Nt4Sp5 : OsVersion.Nt4Sp4;
        var state = ClusterFactory.Create(setup.Cluster, nodes, os, 20 + random.Next(20), 0x10 + random.Next(0x10));
        ClusterFactory.SetOs(state, setup.NodeOs);
        state.Groups.Add(ClusterFactory.Group("FILESRV", nodes,
            ClusterFactory.Plain("Disk F:", "Physical Disk", nodes), ClusterFactory.Plain("FILESRV IP Address", "IP Address", nodes),
            ClusterFactory.Plain("FILESRV Name", "Network Name", nodes), ClusterFactory.Plain("Users Share", "File Share", nodes)));
        state.Backups.Add(new Backup("clusdb", state.ConfigVersion - 1 - random.Next(3), setup.Start.AddDays(-5)));

        // Nodes that end with a valid Clusdb had their cluster service on manual (started by hand), so they do not form from bad quorum files.
        var keepers = nodes.Where(n => !setup.Damage.ContainsKey(n)).ToList();
        var sim = new ClusterSimulator(state, setup.Start, setup.Seed, events);
        var manual = kind is QuorumPowerFailureKind.Outdated or QuorumPowerFailureKind.Inconsistent or QuorumPowerFailureKind.OutdatedBothValid ? keepers.Where(k => k != nodes[0]).ToList() : [];
        foreach (var node in nodes)
        {
            sim.PowerOn(node);
            if (manual.Contains(node))
            {
                sim.SetStartType(node, "ClusSvc", StartType.Manual);
                sim.NetStart(node, "clussvc");
            }
        }

        sim.MoveGroup("FILESRV", nodes[random.Next(nodes.Count)]);
        var part = 0;
        var parts = setup.Days + 2;
        var runStart = sim.Now;
        if (kind == QuorumPowerFailureKind.ClusdbDamaged)
        {
            // Configuration changes, then a node restart (node-down checkpoint), then a long quiet run.
            sim.ChangeConfiguration();
            Noise.Emit(sim, random, Noise.Share(setup.Noise, parts, part++), TimeSpan.FromHours(20));
            sim.Reboot(nodes[^1]);
        }

        for (var day = 0; day < setup.Days; day++)
        {
            Noise.Emit(sim, random, Noise.Share(setup.Noise, parts, part++), TimeSpan.FromHours(10 + random.Next(14)));
            if (kind != QuorumPowerFailureKind.ClusdbDamaged && random.Next(3) > 0)
            {
                sim.ChangeConfiguration();
            }
        }

        if (kind != QuorumPowerFailureKind.ClusdbDamaged && sim.State.LastConfigurationChange <= runStart)
        {
            sim.ChangeConfiguration();
        }

        Noise.Emit(sim, random, Noise.Share(setup.Noise, parts, part++), TimeSpan.FromHours(5 + random.Next(20)));
        if (kind == QuorumPowerFailureKind.Running)
        {
            return new SimulationRun(name, null, "", sim, new PlanBinding().Set("formingNode", nodes[0]).Set("otherNode", [.. nodes.Skip(1)]),
                sim.State.Groups.SelectMany(g => g.Resources).Select(r => r.Name).ToList());
        }

        if (kind is QuorumPowerFailureKind.Inconsistent or QuorumPowerFailureKind.AllDamaged)
        {
            // The quorum owner was writing a checkpoint when the power failed: the new Chk file is incomplete.
            sim.WriteCheckpoint(interrupted: true);
        }

        var members = nodes.Where(n => sim.State.Node(n).Powered).ToList();
        sim.PowerLoss(members.ToDictionary(n => n, n => DamageAtPowerLoss(setup, n, kind)));

        sim.AdvanceTime(TimeSpan.FromMinutes(25 + random.Next(30)));
        var order = nodes.Where(setup.Damage.ContainsKey).Concat(nodes.Where(n => !setup.Damage.ContainsKey(n))).ToList();
        sim.PowerRestored(order);

        // The engineer tries again a little later.
        Noise.Emit(sim, random, Noise.Share(setup.Noise, parts, part), TimeSpan.FromMinutes(20 + random.Next(40)));
        foreach (var node in setup.Damage.Keys.Where(n => !sim.State.Node(n).Member))
        {
            sim.StartClusterService(node);
        }

        var latest = sim.State.Quorum.Latest?.File ?? "Chk00001.tmp";
        var good = keepers.OrderByDescending(k => sim.State.Node(k).Clusdb.ConfigVersion).FirstOrDefault() ?? nodes[0];
        var binding = new PlanBinding()
            .Set("formingNode", nodes[0])
            .Set("otherNode", [.. nodes.Skip(1)])
            .Set("latestCheckpoint", latest);
        if (keepers.Count > 0)
        {
            binding.Set("goodNode", good).Set("otherNode", [.. nodes.Where(n => n != good)]).Set("recoveryNode", nodes.First(n => n != good));
        }

        var affected = sim.State.Groups.SelectMany(g => g.Resources).Select(r => r.Name).ToList();
        return new SimulationRun(name, kb, "", sim, binding, affected);
    }

    private static HiveDamage DamageAtPowerLoss(QuorumPowerFailureSetup setup, string node, QuorumPowerFailureKind kind)
    {
        if (kind == QuorumPowerFailureKind.Healthy)
        {
            return HiveDamage.ZeroBytes;
        }

        if (!setup.Damage.TryGetValue(node, out var target))
        {
            return HiveDamage.None;
        }

        // With an interrupted checkpoint, a node that ends corrupt got there by loading it, not by a cut flush.
        return target switch
        {
            ClusdbState.ZeroBytes or ClusdbState.Missing => HiveDamage.ZeroBytes,
            _ when kind is QuorumPowerFailureKind.Inconsistent or QuorumPowerFailureKind.AllDamaged => HiveDamage.None,
            _ => HiveDamage.Corrupt,
        };
    }
}
