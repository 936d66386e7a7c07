using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Cluster;

/// <summary>
/// The cluster service as Q217147 describes its startup: join through a sponsor, else arbitrate and form from the
/// newest checkpoint rolled up with quolog.log, or from the local Clusdb; checkpoints on form, node down, full log and
/// (from NT4 SP5) every four hours; SP5 checks a checkpoint against its checksum in quolog.log.
/// </summary>
internal sealed class ClusterService : SimulatorComponent
{
    public ClusterService(ClusterSimulator sim)
        : base(sim)
    {
    }

    /// <summary>CheckpointInterval: periodic checkpoints from NT4 SP5 and in Windows 2000.</summary>
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromHours(4);

    /// <summary>quolog.log entries after which the log is full and a checkpoint is taken.</summary>
    public const int LogLimit = 64;

    private const int ErrorBadDb = 1009;

    private const int ErrorDeviceNotConnected = 1167;

    private const int ErrorFileCorrupt = 1392;

    /// <summary>Starts the cluster service (Services, <c>net start clussvc</c>, or at boot).</summary>
    public void Start(string name, bool debugNoQuorumLogging = false)
    {
        var node = Up(name);
        if (node.RecoveryInstall)
        {
            throw new SimulationException($"{node.Name} runs the recovery installation, which has no cluster service");
        }

        if (node.Member)
        {
            return;
        }

        Wait(15);
        if (!node.ClusDiskLoaded)
        {
            // Without ClusDisk the service cannot see the cluster disks, so it can neither arbitrate nor join.
            Fail(node, ErrorDeviceNotConnected);
            return;
        }

        var sponsor = State.Nodes.FirstOrDefault(n => n.Member && n != node);
        if (sponsor is not null)
        {
            Join(node, sponsor, debugNoQuorumLogging);
        }
        else
        {
            Form(node, debugNoQuorumLogging);
        }
    }

    public void Stop(string name)
    {
        var node = Up(name);
        if (!node.Member)
        {
            return;
        }

        LeaveCluster(node, crashed: false);
        Emit(node.Name, () => Events.ServiceState("Cluster Server", false));
    }

    /// <summary>A person changes the cluster configuration (adds a resource, changes a property).</summary>
    public void ChangeConfiguration()
    {
        if (!State.Formed)
        {
            throw new SimulationException("the cluster is not running, so its configuration cannot change");
        }

        State.ConfigVersion++;
        State.HighestConfigVersion = Math.Max(State.HighestConfigVersion, State.ConfigVersion);
        State.LastConfigurationChange = Now;
        foreach (var member in State.Nodes.Where(n => n.Member))
        {
            member.Clusdb = ClusdbFile.Valid(State.ConfigVersion);
        }

        if (QuorumLogging)
        {
            State.Quorum.Logged.Add(State.ConfigVersion);
            if (State.Quorum.Logged.Count >= LogLimit)
            {
                WriteCheckpoint();
            }
        }
    }

    /// <summary>
    /// Changes go to quolog.log while a node is down; NT4 SP4 does not log while every node runs, because
    /// each node's Clusdb has them (that is how a long run leaves the checkpoint outdated).
    /// </summary>
    public bool QuorumLogging => Owner is { DebugNoQuorumLogging: false } owner && State.Quorum.MscsPresent
        && (State.Nodes.Any(n => !n.Member) || OsVersions.HasSp5Fixes(owner.Os));

    private SimNode? Owner => State.QuorumOwner is null ? null : State.Node(State.QuorumOwner);

    /// <summary>Moves the clock, taking the periodic checkpoints SP5 and later write on the way.</summary>
    public void AdvanceTime(TimeSpan span)
    {
        var end = Now + span;
        while (Owner is { DebugNoQuorumLogging: false } owner && OsVersions.HasSp5Fixes(owner.Os) && State.LastCheckpointAt is { } last && last + CheckpointInterval <= end)
        {
            Sim.Clock.Advance(last + CheckpointInterval - Now);
            WriteCheckpoint();
        }

        Sim.Clock.Advance(end - Now);
    }

    /// <summary>The quorum owner writes a new Chk&lt;n&gt;.tmp and starts an empty quolog.log (SP5: with its checksum).</summary>
    public void WriteCheckpoint(bool interrupted = false)
    {
        var owner = Owner;
        var quorum = State.Quorum;
        if (owner is null || owner.DebugNoQuorumLogging || !quorum.MscsPresent)
        {
            return;
        }

        var sp5 = OsVersions.HasSp5Fixes(owner.Os);
        quorum.Checkpoints.Add(new Checkpoint(quorum.NextSequence++, State.ConfigVersion, !interrupted, Now, sp5 && !interrupted));
        while (quorum.Checkpoints.Count > 3)
        {
            quorum.Checkpoints.Remove(quorum.Checkpoints.MinBy(c => c.Sequence)!);
        }

        if (!interrupted)
        {
            quorum.Logged.Clear();
            State.LastCheckpointAt = Now;
        }
    }

    private void Join(SimNode node, SimNode sponsor, bool debug)
    {
        // The sponsor sends its database: the joining node's Clusdb is replaced, whatever it held.
        node.Clusdb = ClusdbFile.Valid(State.ConfigVersion);
        node.Member = true;
        node.DebugNoQuorumLogging = debug;
        Emit(node.Name, () => Events.ServiceState("Cluster Server", true));
        Emit(node.Name, () => Events.ClusterJoined(State.Name));
        Emit(node.Name, () => Events.NodeUp(sponsor.Name));
        Emit(sponsor.Name, () => Events.NodeUp(node.Name));
        Sim.Groups.BringWaitingGroupsOnline();
    }

    private void Form(SimNode node, bool debug)
    {
        if (!node.Clusdb.Usable)
        {
            Fail(node, ErrorBadDb);
            return;
        }

        if (State.SharedDiskCorrupt)
        {
            Emit(node.Name, () => Events.NtfsCorrupt("Q:"));
            Fail(node, ErrorFileCorrupt);
            return;
        }

        var quorum = State.Quorum;
        int version;
        if (!debug && quorum.MscsPresent && quorum.QuologPresent && quorum.QuologValid && quorum.Latest is { } latest)
        {
            if (OsVersions.HasSp5Fixes(node.Os) && (!latest.Consistent || !latest.ChecksumRecorded))
            {
                // SP5 and later check the checkpoint against its checksum in quolog.log and fall back to Clusdb.
                version = node.Clusdb.ConfigVersion;
                quorum.Logged.Clear();
            }
            else if (!latest.Consistent)
            {
                // Before SP5 the inconsistent checkpoint is loaded, and it corrupts Clusdb.
                node.Clusdb = new ClusdbFile(ClusdbState.Corrupt, 0);
                Fail(node, ErrorBadDb);
                return;
            }
            else
            {
                // Roll the log up over the checkpoint; this replaces the local Clusdb.
                version = Math.Max(latest.ConfigVersion, quorum.Logged.Count == 0 ? 0 : quorum.Logged.Max());
            }
        }
        else
        {
            version = node.Clusdb.ConfigVersion;
            if (!debug && (!quorum.MscsPresent || !quorum.QuologPresent || !quorum.QuologValid))
            {
                // A missing MSCS folder is created afresh from this node's Clusdb.
                quorum.MscsPresent = true;
                quorum.Checkpoints.Clear();
                quorum.QuologPresent = true;
                quorum.QuologValid = true;
                quorum.Logged.Clear();
            }
        }

        State.ConfigVersion = version;
        node.Clusdb = ClusdbFile.Valid(version);
        node.Member = true;
        node.DebugNoQuorumLogging = debug;
        State.QuorumOwner = node.Name;
        Emit(node.Name, () => Events.ServiceState("Cluster Server", true));
        Emit(node.Name, () => Events.ClusterFormed());
        WriteCheckpoint();
        Sim.Groups.BringWaitingGroupsOnline();
    }

    private void Fail(SimNode node, int error)
    {
        Emit(node.Name, () => Events.FatalError(error));
        Emit(node.Name, () => Events.CouldNotJoinOrForm());
        node.Member = false;
    }

    public void LeaveCluster(SimNode node, bool crashed)
    {
        if (!node.Member)
        {
            return;
        }

        var owned = State.Groups.Where(g => g.Owner == node.Name).ToList();
        foreach (var group in owned)
        {
            if (crashed)
            {
                foreach (var r in group.Resources)
                {
                    r.State = ResourceState.Offline;
                }
            }
            else
            {
                Sim.Groups.TakeGroupOffline(group, node.Name);
            }
        }

        node.Member = false;
        node.DebugNoQuorumLogging = false;
        var remaining = State.Nodes.Where(n => n.Member).ToList();
        if (remaining.Count == 0)
        {
            State.QuorumOwner = null;
            return;
        }

        foreach (var other in remaining)
        {
            Emit(other.Name, () => Events.NodeDown(node.Name));
        }

        if (State.QuorumOwner == node.Name)
        {
            State.QuorumOwner = remaining[0].Name;
        }

        WriteCheckpoint();
        foreach (var group in owned.Where(g => g.Resources.Any(r => r.Wanted)))
        {
            Sim.Groups.BringGroupOnline(group, preferred: null, exclude: node.Name);
        }
    }
}
