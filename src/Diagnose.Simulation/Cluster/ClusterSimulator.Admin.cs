using Diagnose.Simulation.Events;
using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Cluster;

// What a person does on a node: start types, net start, files on the quorum disk, restores, OS changes, services.
public sealed partial class ClusterSimulator
{
    public void SetStartType(string name, string target, StartType start)
    {
        var node = Up(name);
        if (node.RecoveryInstall)
        {
            throw new SimulationException($"{node.Name} runs the recovery installation, whose registry is not the cluster installation's");
        }

        Wait(20);
        switch (target.ToUpperInvariant())
        {
            case "CLUSDISK":
                node.ClusDiskStart = start;
                break;
            case "CLUSSVC":
                node.ClusSvcStart = start;
                break;
            default:
                throw new SimulationException($"unknown driver or service '{target}': expected ClusDisk or ClusSvc");
        }
    }

    /// <summary><c>net start clusdisk</c> or <c>net start clussvc</c>.</summary>
    public void NetStart(string name, string what)
    {
        var node = Up(name);
        switch (what.ToUpperInvariant())
        {
            case "CLUSDISK":
                if (node.RecoveryInstall)
                {
                    throw new SimulationException($"{node.Name} runs the recovery installation, which has no ClusDisk driver");
                }

                node.ClusDiskLoaded = true;
                break;
            case "CLUSSVC":
                StartClusterService(name);
                break;
            default:
                StartService(name, what);
                break;
        }
    }

    /// <summary>Start a service from the Services tool.</summary>
    public void StartService(string name, string service)
    {
        var node = Up(name);
        switch (service.ToUpperInvariant())
        {
            case "CLUSSVC":
                StartClusterService(name);
                return;
            case "MSEXCHANGEDS":
                // The article: start it "on the node that owns the Exchange group", which may have changed since the diagnosis.
                var group = State.Groups.FirstOrDefault(g => g.Resources.Any(r => r.Kind == ResourceKind.ExchangeDirectory))
                    ?? throw new SimulationException("there is no Exchange directory in this cluster");
                var owner = group.Owner is { } o && State.Node(o).Member ? o
                    : throw new SimulationException($"no running node owns '{group.Name}', so no node has the directory database on its disks");
                if (State.Exchange.RunningOn != owner)
                {
                    Wait(10);
                    StartDirectory(owner, null);
                }

                return;
            default:
                throw new SimulationException($"the simulator does not model starting '{service}' from Services");
        }
    }

    public void StopService(string name, string service)
    {
        var node = Up(name);
        switch (service.ToUpperInvariant())
        {
            case "CLUSSVC":
                StopClusterService(name);
                return;
            case "MSEXCHANGEDS":
                if (State.Exchange.RunningOn == node.Name)
                {
                    State.Exchange.RunningOn = null;
                    Emit(node.Name, () => WindowsEvents.ServiceState("Microsoft Exchange Directory", false));
                }

                return;
            default:
                throw new SimulationException($"the simulator does not model stopping '{service}'");
        }
    }

    /// <summary>Copies a checkpoint from the quorum disk over the node's Clusdb (both are registry hives).</summary>
    public void CopyCheckpointToClusdb(string name, string? file)
    {
        var node = Up(name);
        if (node.Member)
        {
            throw new SimulationException($"the cluster service on {node.Name} has Clusdb loaded, so it cannot be overwritten");
        }

        RequireQuorumAccess(node, writing: false);
        var quorum = State.Quorum;
        var checkpoint = (file is null || file.StartsWith('{') ? quorum.Latest : quorum.Checkpoints.FirstOrDefault(c => string.Equals(c.File, file, StringComparison.OrdinalIgnoreCase)))
            ?? throw new SimulationException($"there is no checkpoint '{file}' in the MSCS folder");
        Wait(10);
        node.Clusdb = checkpoint.Consistent ? ClusdbFile.Valid(checkpoint.ConfigVersion) : new ClusdbFile(ClusdbState.Corrupt, 0);
    }

    /// <summary>Renames (or saves and deletes) the MSCS folder on the quorum disk.</summary>
    public void RenameMscs(string to)
    {
        var actor = State.Nodes.FirstOrDefault(n => HasQuorumAccess(n, writing: true))
            ?? throw new SimulationException(QuorumAccessProblem());
        _ = actor;
        var quorum = State.Quorum;
        if (!quorum.MscsPresent)
        {
            throw new SimulationException("there is no MSCS folder on the quorum disk");
        }

        Wait(10);
        quorum.MscsPresent = false;
        quorum.SetAside.Add(to);
        quorum.Checkpoints.Clear();
        quorum.Logged.Clear();
    }

    /// <summary>Restores the newest Clusdb or checkpoint backup onto a node's Clusdb.</summary>
    public void RestoreClusdbBackup(string name)
    {
        var node = Up(name);
        if (node.Member)
        {
            throw new SimulationException($"the cluster service on {node.Name} has Clusdb loaded");
        }

        var backup = State.Backups.Where(b => b.What == "clusdb").MaxBy(b => b.TakenAt)
            ?? throw new SimulationException("there is no backup of Clusdb or of a checkpoint");
        Wait(300);
        node.Clusdb = ClusdbFile.Valid(backup.Version);
    }

    /// <summary>Restores the WINS and DHCP databases from their newest backups (the services are stopped first).</summary>
    public void RestoreJetBackups()
    {
        if (!State.Formed)
        {
            throw new SimulationException("the shared disk is reachable only through the running cluster");
        }

        foreach (var group in State.Groups)
        {
            foreach (var r in group.Resources.Where(r => r.Kind == ResourceKind.Jet))
            {
                TakeOffline(r.Name);
                var backup = State.Backups.Where(b => b.What == r.Instance).MaxBy(b => b.TakenAt)
                    ?? throw new SimulationException($"there is no backup of the {r.Instance} database");
                var db = State.Databases[r.Instance!];
                db.Format = backup.Version;
                db.Damaged = State.SharedDiskCorrupt;
            }
        }

        Wait(600);
    }

    /// <summary>Online restore of the Exchange directory onto the node that owns the Exchange group.</summary>
    public void RestoreDirectory(bool startServices)
    {
        var group = State.Groups.FirstOrDefault(g => g.Resources.Any(r => r.Kind == ResourceKind.ExchangeDirectory))
            ?? throw new SimulationException("there is no Exchange directory in this cluster");
        var owner = group.Owner is { } o && State.Node(o).Member ? o : throw new SimulationException($"no running node owns '{group.Name}'");
        var resource = group.Resources.First(r => r.Kind == ResourceKind.ExchangeDirectory);
        if (resource.State == ResourceState.Online || State.Exchange.RunningOn is not null)
        {
            throw new SimulationException("the directory is running; take it offline before an online restore");
        }

        Emit(owner, () => WindowsEvents.BackupStarted("Microsoft Exchange Directory", startServices));
        Wait(1800);
        State.Exchange.NeedsReplay = true;
        State.Exchange.RestoreMarkerOn = owner;
        Emit(owner, () => WindowsEvents.BackupCompleted("Microsoft Exchange Directory"));
        if (startServices)
        {
            Wait(30);
            StartDirectory(owner, null);
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

    private void RequireQuorumAccess(SimNode node, bool writing)
    {
        if (!HasQuorumAccess(node, writing))
        {
            throw new SimulationException($"{node.Name} cannot reach the quorum disk: {QuorumAccessProblem()}");
        }
    }

    /// <summary>
    /// A node reaches the quorum disk when it owns it in the running cluster, or mounts it with no
    /// reservation while no other node holds one. While the service logs to quolog.log the MSCS files are open.
    /// </summary>
    private bool HasQuorumAccess(SimNode node, bool writing)
    {
        if (!node.Powered)
        {
            return false;
        }

        if (node.Member)
        {
            return State.QuorumOwner == node.Name && (!writing || node.DebugNoQuorumLogging);
        }

        return node.MountsSharedDisksUnprotected && !State.Formed;
    }

    private string QuorumAccessProblem() =>
        State.QuorumOwner is { } owner && !State.Node(owner).DebugNoQuorumLogging
            ? $"the cluster service on {owner} holds the MSCS files open (quorum logging)"
            : "no running node can reach the quorum disk (ClusDisk keeps it offline while the cluster is down)";
}
