using Diagnose.Simulation.Cluster;
using Diagnose.Simulation.Model;
using Diagnose.Simulation.Validation;

namespace Diagnose.Simulation.Tests;

/// <summary>
/// One test per row of the sources table in src/Diagnose.Simulation/README.md: each behaviour with the case the
/// source describes, a near miss and a contradicting case (a version or state where it must not happen).
/// </summary>
[TestClass]
public sealed class SourcedBehaviourTests
{
    private static readonly DateTime Start = new(1999, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    // Quorum logging: on when a node goes down (with its checkpoint), off whenever every node runs, in every version.
    [TestMethod]
    [DataRow(OsVersion.Nt4Sp4)]
    [DataRow(OsVersion.Nt4Sp5)]
    [DataRow(OsVersion.Windows2000)]
    public void QuorumLogging_OnWhileANodeIsDownOffWhenAllRun_InEveryVersion(OsVersion os)
    {
        var sim = TwoNodes(os);
        sim.PowerOn("A");
        Assert.IsTrue(sim.QuorumLogging, "node B is not running: changes cannot reach it");
        sim.PowerOn("B");
        Assert.IsFalse(sim.QuorumLogging, "every node runs");
        sim.ChangeConfiguration();
        Assert.IsEmpty(sim.State.Quorum.Logged, "a change made while every node runs is not logged");

        var checkpoints = sim.State.Quorum.Checkpoints.Count;
        sim.PowerOff("B");
        Assert.AreEqual(checkpoints + 1, sim.State.Quorum.Checkpoints.Count, "a checkpoint when the node goes down");
        Assert.IsTrue(sim.QuorumLogging);
        sim.ChangeConfiguration();
        CollectionAssert.AreEqual(new[] { sim.State.ConfigVersion }, sim.State.Quorum.Logged);

        sim.PowerOn("B");
        Assert.IsFalse(sim.QuorumLogging, "off again once node B is back");
    }

    [TestMethod]
    public void QuorumLogging_DebugNoQuorumLogging_IsOffWithANodeDown()
    {
        var sim = TwoNodes(OsVersion.Nt4Sp4);
        sim.PowerOn("A");
        sim.StopClusterService("A");
        sim.StartClusterService("A", debugNoQuorumLogging: true);

        Assert.IsFalse(sim.QuorumLogging);
    }

    // Periodic checkpoints (CheckpointInterval, 4 hours) and checksum records only from NT4 SP5 / Windows 2000.
    [TestMethod]
    [DataRow(OsVersion.Nt4Sp4, 0, false)]
    [DataRow(OsVersion.Nt4Sp5, 6, true)]
    [DataRow(OsVersion.Windows2000, 6, true)]
    public void Checkpoints_PeriodicAndChecksummed_OnlyFromSp5(OsVersion os, int periodic, bool checksum)
    {
        var sim = TwoNodes(os);
        sim.PowerOn("A");
        sim.PowerOn("B");
        var before = sim.State.Quorum.Latest!.Sequence;
        Assert.AreEqual(checksum, sim.State.Quorum.Latest.ChecksumRecorded, "checksum record of the form's checkpoint");

        sim.AdvanceTime(TimeSpan.FromHours(24));
        Assert.AreEqual(before + periodic, sim.State.Quorum.Latest!.Sequence);
        sim.AdvanceTime(TimeSpan.FromHours(3.9));
        Assert.AreEqual(before + periodic, sim.State.Quorum.Latest!.Sequence, "near miss: less than one interval later, no checkpoint");
    }

    // The log size limit: 64 KB by default, in bytes, not in entries.
    [TestMethod]
    public void QuorumLog_FullAt64KB_TakesACheckpoint()
    {
        var sim = TwoNodes(OsVersion.Nt4Sp4);
        sim.PowerOn("A");
        var before = sim.State.Quorum.Latest!.Sequence;
        for (var i = 0; i < 127; i++)
        {
            sim.ChangeConfiguration(512);
        }

        Assert.AreEqual(before, sim.State.Quorum.Latest!.Sequence, "near miss: 127 × 512 bytes is under 64 KB");
        Assert.AreEqual(127 * 512, sim.State.Quorum.LogBytes);
        sim.ChangeConfiguration(512);
        Assert.AreEqual(before + 1, sim.State.Quorum.Latest!.Sequence, "the 65,536th byte fills the log");
        Assert.AreEqual(0, sim.State.Quorum.LogBytes);

        sim.ChangeConfiguration(ClusterSimulator.LogLimitBytes);
        Assert.AreEqual(before + 2, sim.State.Quorum.Latest!.Sequence, "one 64 KB change fills it at once, however few entries");
    }

    // Startup step 5/9: a tombstone, or quolog.log missing or invalid → form from Clusdb, not from the checkpoint.
    [TestMethod]
    [DataRow("tombstone")]
    [DataRow("quolog-missing")]
    [DataRow("quolog-invalid")]
    [DataRow("none")]
    public void Form_TombstoneOrNoValidQuolog_FormsFromClusdbElseFromTheCheckpoint(string damage)
    {
        var sim = CheckpointBehindClusdb(OsVersion.Windows2000, out var checkpointVersion, out var clusdbVersion);
        var quorum = sim.State.Quorum;
        quorum.Tombstone = damage == "tombstone";
        quorum.QuologPresent = damage != "quolog-missing";
        quorum.QuologValid = damage != "quolog-invalid";

        sim.PowerOn("A");

        Assert.IsTrue(sim.State.Formed);
        Assert.AreEqual(damage == "none" ? checkpointVersion : clusdbVersion, sim.State.ConfigVersion);
        Assert.IsTrue(quorum.QuologPresent && quorum.QuologValid, "step 9b creates quolog.log");
        Assert.IsFalse(quorum.Tombstone, "assumption new-quorum-log-clears-tombstone");
    }

    [TestMethod]
    public void Form_TombstoneWithAssumptionOff_StaysAndIsRecordedOnlyWhenOn()
    {
        var off = TwoNodes(OsVersion.Windows2000, [Assumption.NewQuorumLogClearsTombstone]);
        off.State.Quorum.Tombstone = true;
        off.PowerOn("A");
        Assert.IsTrue(off.State.Quorum.Tombstone);
        Assert.IsEmpty(off.AssumptionsUsed);

        var on = TwoNodes(OsVersion.Windows2000);
        on.State.Quorum.Tombstone = true;
        on.PowerOn("A");
        CollectionAssert.AreEqual(new[] { Assumption.NewQuorumLogClearsTombstone }, on.AssumptionsUsed.ToArray());
    }

    // Inconsistent newest checkpoint: detected and skipped only where the checksum exists (SP5, Windows 2000); SP4 loads it.
    [TestMethod]
    [DataRow(OsVersion.Nt4Sp4, false)]
    [DataRow(OsVersion.Nt4Sp5, true)]
    [DataRow(OsVersion.Windows2000, true)]
    public void Form_CheckpointWithoutChecksumRecord_Sp5SkipsItSp4LoadsIt(OsVersion os, bool skipped)
    {
        // A checkpoint SP4 wrote has no checksum record: SP5 cannot test it and forms from Clusdb (step 9).
        var sim = CheckpointBehindClusdb(OsVersion.Nt4Sp4, out var checkpointVersion, out var clusdbVersion);
        foreach (var node in sim.State.Nodes)
        {
            node.Os = os;
        }

        sim.PowerOn("A");

        Assert.AreEqual(skipped ? clusdbVersion : checkpointVersion, sim.State.ConfigVersion);
    }

    // Power-loss damage to Clusdb by the article's mechanism (every member down at once after a long run without a checkpoint), not by version.
    [TestMethod]
    [DataRow(OsVersion.Nt4Sp4)]
    [DataRow(OsVersion.Nt4Sp5)]
    [DataRow(OsVersion.Windows2000)]
    public void PowerLoss_EveryNodeAfterALongRunWithoutCheckpoint_DamagesClusdbInEveryVersion(OsVersion os)
    {
        var sim = TwoNodes(os);
        sim.PowerOn("A");
        sim.PowerOn("B");
        sim.Clock.Advance(TimeSpan.FromHours(30)); // a long run with no checkpoint (periodic checkpoints disabled or not there)

        sim.PowerLoss(["A", "B"], HiveDamage.ZeroBytes);

        Assert.IsTrue(sim.State.Nodes.All(n => n.Clusdb.State == ClusdbState.ZeroBytes));
    }

    [TestMethod]
    public void PowerLoss_OneNodeOnlyAfterALongRun_LeavesClusdbWhole()
    {
        var sim = TwoNodes(OsVersion.Nt4Sp4);
        sim.PowerOn("A");
        sim.PowerOn("B");
        sim.Clock.Advance(TimeSpan.FromHours(30));

        sim.PowerLoss(["B"], HiveDamage.ZeroBytes);

        Assert.IsTrue(sim.State.Nodes.All(n => n.Clusdb.Usable), "near miss: node A survives, takes the node-down checkpoint");
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void PowerLoss_EveryNodeSoonAfterACheckpoint_LeavesClusdbWholeUnlessTheAssumptionIsOff(bool assumptionOff)
    {
        var sim = TwoNodes(OsVersion.Nt4Sp4, assumptionOff ? [Assumption.LongRunIsOneCheckpointInterval] : null);
        sim.PowerOn("A");
        sim.PowerOn("B");
        sim.Clock.Advance(TimeSpan.FromHours(3));

        sim.PowerLoss(["A", "B"], HiveDamage.Corrupt);

        Assert.AreEqual(assumptionOff, sim.State.Nodes.All(n => n.Clusdb.State == ClusdbState.Corrupt));
        Assert.AreEqual(!assumptionOff, sim.AssumptionsUsed.Contains(Assumption.LongRunIsOneCheckpointInterval));
    }

    // ClusSvc needs ClusDisk (inferred from the article's step order): an assumption with a switch.
    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Start_WithoutClusDisk_FailsUnlessTheAssumptionIsOff(bool assumptionOff)
    {
        var sim = TwoNodes(OsVersion.Nt4Sp4, assumptionOff ? [Assumption.ClusterServiceNeedsClusDisk] : null);
        sim.State.Node("A").ClusDiskStart = StartType.Manual;
        sim.PowerOn("A");

        Assert.AreEqual(assumptionOff, sim.State.Formed);
    }

    // Recoverable: the newest configuration any valid copy holds.
    [TestMethod]
    public void Recoverable_OlderConsistentCheckpoint_CountsAndAnInconsistentOneDoesNot()
    {
        var state = new ClusterState { Name = "T", Nodes = [new SimNode { Name = "A", Clusdb = new ClusdbFile(ClusdbState.ZeroBytes, 0) }] };
        state.Quorum.Checkpoints.Add(new Checkpoint(1, 7, Consistent: true, Start, ChecksumRecorded: false));
        state.Quorum.Checkpoints.Add(new Checkpoint(2, 9, Consistent: false, Start.AddHours(1), ChecksumRecorded: false));
        state.Backups.Add(new Backup("clusdb", 5, Start));

        Assert.AreEqual((7, "checkpoint Chk00001.tmp (an older one: assumption older-checkpoints-stay)"), Invariants.RecoverableCopy(state));
        state.Quorum.MscsPresent = false;
        Assert.AreEqual((5, "a backup of Clusdb"), Invariants.RecoverableCopy(state), "with the MSCS folder gone, only the backup is left");
    }

    /// <summary>Node A formed, a change made while node B was up (not logged, in no checkpoint), then both shut down cleanly.</summary>
    private static ClusterSimulator CheckpointBehindClusdb(OsVersion os, out int checkpointVersion, out int clusdbVersion)
    {
        var sim = TwoNodes(os);
        sim.PowerOn("A");
        sim.PowerOn("B");
        sim.ChangeConfiguration();
        checkpointVersion = sim.State.Quorum.Latest!.ConfigVersion;
        clusdbVersion = sim.State.ConfigVersion;
        sim.PowerLoss(["A", "B"], HiveDamage.None);
        Assert.IsGreaterThan(checkpointVersion, clusdbVersion);
        return sim;
    }

    private static ClusterSimulator TwoNodes(OsVersion os, IReadOnlyCollection<Assumption>? off = null)
    {
        var state = new ClusterState
        {
            Name = "TEST",
            Nodes = [new SimNode { Name = "A", Os = os, Clusdb = ClusdbFile.Valid(5) }, new SimNode { Name = "B", Os = os, Clusdb = ClusdbFile.Valid(5) }],
            ConfigVersion = 5,
            HighestConfigVersion = 5,
        };
        return new ClusterSimulator(state, Start, 1, Shared.Engine.Events, assumptionsOff: off is null ? null : new HashSet<Assumption>(off));
    }
}
