using Diagnose.Simulation.Cluster;
using Diagnose.Simulation.Model;
using Diagnose.Simulation.Scenarios;

namespace Diagnose.Simulation.Tests;

/// <summary>The cluster service and JET behaviour the articles describe, one rule at a time.</summary>
[TestClass]
public sealed class ClusterModelTests
{
    [TestMethod]
    [DataRow(OsVersion.Nt4Sp4, false)]
    [DataRow(OsVersion.Nt4Sp5, true)]
    [DataRow(OsVersion.Windows2000, true)]
    public void Form_InconsistentNewestCheckpoint_Sp4LoadsItAndCorruptsClusdbLaterVersionsFallBack(OsVersion os, bool forms)
    {
        var sim = TwoNodes(os);
        sim.PowerOn("A");
        sim.PowerOn("B");
        sim.ChangeConfiguration();
        sim.WriteCheckpoint(interrupted: true);
        sim.PowerLoss(["A", "B"], HiveDamage.None);
        sim.PowerRestored(["A"]);

        Assert.AreEqual(forms, sim.State.Formed);
        Assert.AreEqual(forms ? ClusdbState.Valid : ClusdbState.Corrupt, sim.State.Node("A").Clusdb.State);
        Assert.AreEqual(forms ? 1061 : 1009, sim.Journal.Events.Last(e => e.Provider == "ClusSvc" && e.EventId is 1061 or 1009).EventId);
    }

    [TestMethod]
    public void LongRun_BothNodesUpOnSp4_NoCheckpointSoFormingRollsBack()
    {
        var sim = TwoNodes(OsVersion.Nt4Sp4);
        sim.PowerOn("A");
        sim.PowerOn("B");
        var before = sim.State.Quorum.Latest!.Sequence;
        for (var day = 0; day < 5; day++)
        {
            sim.AdvanceTime(TimeSpan.FromDays(1));
            sim.ChangeConfiguration();
        }

        Assert.AreEqual(before, sim.State.Quorum.Latest!.Sequence, "SP4 writes no periodic checkpoint and logs nothing while both nodes run");
        sim.PowerLoss(["A", "B"], HiveDamage.None);
        sim.PowerRestored(["A"]);
        Assert.IsLessThan(sim.State.HighestConfigVersion, sim.State.ConfigVersion, "formed from the outdated checkpoint");
    }

    [TestMethod]
    public void LongRun_Sp5_PeriodicCheckpointsEveryFourHours()
    {
        var sim = TwoNodes(OsVersion.Nt4Sp5);
        sim.PowerOn("A");
        sim.PowerOn("B");
        var before = sim.State.Quorum.Latest!.Sequence;
        sim.ChangeConfiguration();
        sim.AdvanceTime(TimeSpan.FromHours(24));

        Assert.AreEqual(before + 6, sim.State.Quorum.Latest!.Sequence);
        sim.PowerLoss(["A", "B"], HiveDamage.ZeroBytes);
        Assert.AreEqual(ClusdbState.Valid, sim.State.Node("A").Clusdb.State, "SP5 flushes Clusdb safely");
        sim.PowerRestored(["A", "B"]);
        Assert.AreEqual(sim.State.HighestConfigVersion, sim.State.ConfigVersion);
    }

    [TestMethod]
    public void NodeDown_QuorumLoggingOnAndNodeDownCheckpoint()
    {
        var sim = TwoNodes(OsVersion.Nt4Sp4);
        sim.PowerOn("A");
        sim.PowerOn("B");
        var before = sim.State.Quorum.Latest!.Sequence;
        sim.PowerOff("B");
        Assert.AreEqual(before + 1, sim.State.Quorum.Latest!.Sequence);
        Assert.IsTrue(sim.QuorumLogging);
        sim.ChangeConfiguration();
        CollectionAssert.AreEqual(new[] { sim.State.ConfigVersion }, sim.State.Quorum.Logged);
    }

    [TestMethod]
    public void Boot_BothNodesWithClusDiskManual_CorruptsTheSharedDisk()
    {
        var sim = TwoNodes(OsVersion.Nt4Sp4);
        sim.PowerOn("A");
        sim.PowerOn("B");
        sim.SetStartType("A", "ClusDisk", StartType.Manual);
        sim.Reboot("A");
        Assert.IsFalse(sim.State.SharedDiskCorrupt, "one node without ClusDisk while the other holds the reservation");
        sim.SetStartType("B", "ClusDisk", StartType.Manual);
        sim.Reboot("B");

        Assert.IsTrue(sim.State.SharedDiskCorrupt);
        Assert.IsTrue(sim.Journal.Events.Any(e => e.Provider == "Ntfs" && e.EventId == 55));
    }

    [TestMethod]
    public void Exchange_StartFromServicesBeforeOnline_KeepsTheMarkerAndLogs1024()
    {
        var run = Shared.Scenarios.Find("Q188674-unfixed")!.Run(new ScenarioOptions(3, 2, 0));
        var sim = run.Simulator;
        var failuresBefore = sim.Journal.Events.Count(e => e.EventId == 1002);
        Assert.IsTrue(sim.RestoreCheckpointedService("Microsoft Exchange Directory", startServices: false));
        sim.StartService(run.Binding.Values["node"][0], "MSExchangeDS");
        sim.BringOnline("Microsoft Exchange Directory");

        var directory = sim.State.Groups.SelectMany(g => g.Resources).Single(r => r.Kind == ResourceKind.CheckpointedService);
        Assert.AreEqual(ResourceState.Online, directory.State);
        Assert.IsTrue(sim.Journal.Events.Any(e => e.Provider == "ClusSvc" && e.EventId == 1024 && e.Data[1].EndsWith("\\MSExchangeDS", StringComparison.Ordinal)));
        Assert.AreEqual(failuresBefore, sim.Journal.Events.Count(e => e.EventId == 1002), "no new -528 failure");
        Assert.IsTrue(sim.Journal.Events.Any(e => e.Provider == "EDB" && e.EventId == 204), "the restored logs were replayed");
    }

    [TestMethod]
    public void Jet_NewerEngineConvertsOnceOlderEngineFailsWith530()
    {
        var run = JetRollingUpgradeModel.Build(JetRollingUpgradeSetup.FromSeed(new ScenarioOptions(5, 2, 0)), JetRollingUpgradeStage.BeforeUpgrade, "test", null, Shared.Engine.Events);
        var sim = run.Simulator;
        var (a, b) = (sim.State.Nodes[0].Name, sim.State.Nodes[1].Name);
        sim.MoveGroup("WINS Group", a);
        sim.ChangeOs(b, OsVersion.Windows2003);
        sim.MoveGroup("WINS Group", b);
        sim.MoveGroup("WINS Group", a);

        var esent = sim.Journal.Events.Where(e => e.Provider == "ESENT" && e.EventId is 609 or 412).Select(e => (e.Node, e.EventId)).ToList();
        CollectionAssert.AreEqual(new[] { (b, 609), (a, 412), (a, 412) }, esent);
        Assert.AreEqual(b, sim.Group("WINS Group").Owner, "the group failed back to the Windows Server 2003 node");
    }

    private static ClusterSimulator TwoNodes(OsVersion os)
    {
        var state = new ClusterState
        {
            Name = "TEST",
            Nodes = [new SimNode { Name = "A", Os = os, Clusdb = ClusdbFile.Valid(5) }, new SimNode { Name = "B", Os = os, Clusdb = ClusdbFile.Valid(5) }],
            ConfigVersion = 5,
            HighestConfigVersion = 5,
        };
        return new ClusterSimulator(state, new DateTime(1999, 11, 1, 0, 0, 0, DateTimeKind.Utc), 1, Shared.Engine.Events);
    }
}
