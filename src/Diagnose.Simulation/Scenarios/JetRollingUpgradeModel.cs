using Diagnose.Knowledge.Events;
using Diagnose.Simulation.Cluster;
using Diagnose.Simulation.Model;
using Diagnose.Simulation.Validation;

namespace Diagnose.Simulation.Scenarios;

/// <summary>
/// KB293302: a Windows 2000 cluster runs WINS and DHCP; one node is upgraded to Windows Server 2003, a
/// group moves there (its engine converts the database: ESENT 609), then back to a Windows 2000 node,
/// whose engine cannot read the converted log (ESENT 412, -530; WINS 4318 or DHCP 1014) and fails back.
/// </summary>
internal static class JetRollingUpgradeModel
{
    public static SimulationRun Build(JetRollingUpgradeSetup setup, JetRollingUpgradeStage stage, string name, string? kb, EventCatalog events)
    {
        var random = new Random(setup.Seed);
        var nodes = setup.Nodes;
        var state = ClusterFactory.Create(setup.Cluster, nodes, OsVersion.Windows2000, 10 + random.Next(20), 0x10 + random.Next(0x40));
        ClusterFactory.SetOs(state, setup.NodeOs);
        state.Groups.Add(ClusterFactory.Group("WINS Group", nodes, ClusterFactory.Plain("WINS IP Address", "IP Address", nodes),
            new SimResource { Name = "WINS Service", Type = "WINS Service", Kind = ResourceKind.Jet, Service = "WINS", DisplayName = "Windows Internet Name Service (WINS)", Instance = "wins", FailedEvent = "wins.cannot-start", PossibleOwners = [.. nodes] }));
        state.Groups.Add(ClusterFactory.Group("DHCP Group", nodes, ClusterFactory.Plain("DHCP IP Address", "IP Address", nodes),
            new SimResource { Name = "DHCP Service", Type = "DHCP Service", Kind = ResourceKind.Jet, Service = "DHCPServer", DisplayName = "DHCP Server", Instance = "dhcp", FailedEvent = "dhcp.jet-error", PossibleOwners = [.. nodes] }));
        var format = OsVersions.JetFormat(OsVersion.Windows2000);
        state.Databases["wins"] = new JetDatabase { Instance = "wins", Path = "Q:\\wins\\wins.mdb", Format = format };
        state.Databases["dhcp"] = new JetDatabase { Instance = "dhcp", Path = "Q:\\dhcp\\dhcp.mdb", Format = format };
        state.Backups.Add(new Backup("wins", format, setup.Start.AddDays(-2)));
        state.Backups.Add(new Backup("dhcp", format, setup.Start.AddDays(-2)));
        state.Backups.Add(new Backup("clusdb", state.ConfigVersion, setup.Start.AddDays(-2)));

        var sim = new ClusterSimulator(state, setup.Start, setup.Seed, events);
        foreach (var node in nodes)
        {
            sim.PowerOn(node);
        }

        var older = setup.OlderNodes;
        sim.MoveGroup("WINS Group", setup.Instance == "wins" ? setup.FailingNode : older[random.Next(older.Count)]);
        sim.MoveGroup("DHCP Group", setup.Instance == "dhcp" ? setup.FailingNode : older[random.Next(older.Count)]);
        var binding = new PlanBinding()
            .Set("group", "WINS Group", "DHCP Group")
            .Set("newerNode", setup.NewerNode)
            .Set("olderNode", setup.FailingNode)
            .Set("olderNodes", [.. older])
            .Set("node1", nodes[0])
            .Set("node2", nodes[1]);
        var affected = new[] { "WINS Service", "DHCP Service" };
        Noise.Emit(sim, random, Noise.Share(setup.Noise, 4, 0), setup.BeforeUpgrade);
        if (stage == JetRollingUpgradeStage.BeforeUpgrade)
        {
            return new SimulationRun(name, null, "", sim, binding, affected);
        }

        if (stage == JetRollingUpgradeStage.Healthy)
        {
            // The article's order: groups to node 2, upgrade node 1, groups to node 1, upgrade the rest.
            sim.MoveGroup("WINS Group", nodes[1]);
            sim.MoveGroup("DHCP Group", nodes[1]);
            sim.ChangeOs(nodes[0], OsVersion.Windows2003);
            Noise.Emit(sim, random, Noise.Share(setup.Noise, 4, 1), setup.UpgradeToMove);
            sim.MoveGroup("WINS Group", nodes[0]);
            sim.MoveGroup("DHCP Group", nodes[0]);
            Noise.Emit(sim, random, Noise.Share(setup.Noise, 4, 2), setup.MoveToFailback);
            foreach (var node in nodes.Skip(1))
            {
                sim.ChangeOs(node, OsVersion.Windows2003);
            }

            sim.MoveGroup("WINS Group", nodes[^1]);
            Noise.Emit(sim, random, Noise.Share(setup.Noise, 4, 3), TimeSpan.FromHours(2));
            return new SimulationRun(name, null, "", sim, binding, affected);
        }

        sim.ChangeOs(setup.NewerNode, OsVersion.Windows2003);
        Noise.Emit(sim, random, Noise.Share(setup.Noise, 4, 1), setup.UpgradeToMove);
        sim.MoveGroup(setup.GroupOf(setup.Instance), setup.NewerNode);
        Noise.Emit(sim, random, Noise.Share(setup.Noise, 4, 2), setup.MoveToFailback);
        sim.MoveGroup(setup.GroupOf(setup.Instance), setup.FailingNode);
        Noise.Emit(sim, random, Noise.Share(setup.Noise, 4, 3), TimeSpan.FromHours(2));
        return new SimulationRun(name, kb, "", sim, binding, affected);
    }
}
