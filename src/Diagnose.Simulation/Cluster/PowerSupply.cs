using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Cluster;

/// <summary>
/// Power, boot and shutdown of nodes, and OS changes (which restart the node). Q217147 (Symptoms): when "both nodes
/// experience a simultaneous power failure after a relatively long period of cluster activity", Clusdb "may become
/// corrupted on both nodes (for example, the Clusdb file contains zero bytes)": damage by that mechanism, in any version.
/// </summary>
internal sealed class PowerSupply : SimulatorComponent
{
    public PowerSupply(ClusterSimulator sim)
        : base(sim)
    {
    }

    /// <summary>Turns a node on (or restarts it when it runs) and boots its normal Windows installation.</summary>
    public void PowerOn(string name)
    {
        var node = State.Node(name);
        if (node.Powered)
        {
            Reboot(name);
            return;
        }

        Boot(node, recoveryInstall: false);
    }

    /// <summary>Shuts a node down cleanly and turns it off.</summary>
    public void PowerOff(string name)
    {
        var node = State.Node(name);
        if (!node.Powered)
        {
            return;
        }

        Shutdown(node);
    }

    public void Reboot(string name)
    {
        var node = Up(name);
        Shutdown(node);
        Wait(60);
        Boot(node, recoveryInstall: false);
    }

    /// <summary>Boots from a disaster-recovery Windows installation: no cluster service, no ClusDisk.</summary>
    public void BootRecoveryInstall(string name)
    {
        var node = State.Node(name);
        if (node.Powered)
        {
            Shutdown(node);
            Wait(60);
        }

        Boot(node, recoveryInstall: true);
    }

    /// <summary>
    /// Power fails on these nodes at once. When no member survives and the cluster ran long without a checkpoint, each
    /// member's Clusdb may be damaged; <paramref name="damage"/> says how (None: this one survived).
    /// </summary>
    public void PowerLoss(IReadOnlyCollection<string> names, HiveDamage damage) => PowerLoss(names.ToDictionary(n => n, _ => damage));

    /// <summary>Power fails on these nodes at once; each member's Clusdb may be damaged as its entry says (the article's "may").</summary>
    public void PowerLoss(IReadOnlyDictionary<string, HiveDamage> damages)
    {
        var nodes = damages.Keys.Select(State.Node).Where(n => n.Powered).ToList();
        if (damages.Values.Any(d => d != HiveDamage.None) && ClusdbAtRisk(nodes))
        {
            foreach (var node in nodes.Where(n => n.Member && n.Clusdb.Usable && damages[n.Name] != HiveDamage.None))
            {
                node.Clusdb = new ClusdbFile(damages[node.Name] == HiveDamage.ZeroBytes ? ClusdbState.ZeroBytes : ClusdbState.Corrupt, 0);
            }
        }

        // All at once: the nodes that lose power are gone before any survivor reacts (no node-down checkpoint
        // when nobody survives).
        foreach (var node in nodes)
        {
            node.Powered = false;
            node.CleanShutdown = false;
            if (State.CheckpointedService.RunningOn == node.Name)
            {
                State.CheckpointedService.RunningOn = null;
            }
        }

        if (State.Nodes.Any(n => n.Member && n.Powered))
        {
            foreach (var node in nodes)
            {
                Sim.Service.LeaveCluster(node, crashed: true);
            }

            return;
        }

        foreach (var node in nodes)
        {
            node.Member = false;
            node.DebugNoQuorumLogging = false;
        }

        foreach (var r in State.Groups.SelectMany(g => g.Resources))
        {
            r.State = ResourceState.Offline;
        }

        State.QuorumOwner = null;
    }

    /// <summary>
    /// The article's mechanism: every member loses power at once ("both nodes … simultaneous power failure") after a
    /// long period of activity without a checkpoint. How long is an assumption (<see cref="Assumption.LongRunIsOneCheckpointInterval"/>).
    /// </summary>
    private bool ClusdbAtRisk(IReadOnlyList<SimNode> losing)
    {
        var members = State.Nodes.Where(n => n.Member).ToList();
        if (members.Count == 0 || members.Any(m => !losing.Contains(m)))
        {
            return false;
        }

        var longRun = State.LastCheckpointAt is not { } last || Now - last > ClusterService.CheckpointInterval;
        if (longRun || !Sim.Assumes(Assumption.LongRunIsOneCheckpointInterval))
        {
            return true;
        }

        Sim.Relied(Assumption.LongRunIsOneCheckpointInterval);
        return false;
    }

    /// <summary>Power comes back: each node that lost it boots again, in the given order.</summary>
    public void PowerRestored(IReadOnlyCollection<string> names)
    {
        foreach (var name in names)
        {
            var node = State.Node(name);
            if (!node.Powered)
            {
                Boot(node, node.RecoveryInstall);
                Wait(30);
            }
        }
    }

    private void Shutdown(SimNode node)
    {
        if (node.Member)
        {
            Sim.Service.Stop(node.Name);
        }

        Sim.Checkpointed.Offline(node.Name);

        Emit(node.Name, () => Events.EventLogStopped());
        node.Powered = false;
        node.CleanShutdown = true;
        node.ClusDiskLoaded = false;
    }

    private void Boot(SimNode node, bool recoveryInstall)
    {
        Wait(90);
        node.Powered = true;
        node.RecoveryInstall = recoveryInstall;
        node.ClusDiskLoaded = !recoveryInstall && node.ClusDiskStart is StartType.Boot or StartType.System;
        node.DebugNoQuorumLogging = false;
        if (!node.CleanShutdown)
        {
            Emit(node.Name, () => Events.UnexpectedShutdown(Now.AddMinutes(-2)));
        }

        node.CleanShutdown = true;
        Emit(node.Name, () => Events.EventLogStarted());
        var (version, build, sp) = OsVersions.Banner(node.Os);
        Emit(node.Name, () => Events.OsBanner(version, build, sp));
        Sim.ClusDisk.CheckSharedDisks();
        if (!recoveryInstall && node.ClusSvcStart == StartType.Automatic)
        {
            Wait(20);
            Sim.Service.Start(node.Name);
        }
    }

    /// <summary>Upgrades, rolls back or service-packs a node: its groups move away while it restarts.</summary>
    public void ChangeOs(string name, OsVersion os)
    {
        var node = Up(name);
        Shutdown(node);
        Wait(2400);
        node.Os = os;
        Boot(node, recoveryInstall: false);
    }
}
