using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Cluster;

/// <summary>
/// What a person does with the quorum disk's MSCS folder and the Clusdb hive in Q217147's recoveries: copy a
/// checkpoint over Clusdb, set the folder aside, restore a backup. The files are reachable only from the node that
/// owns the quorum disk (not while quorum logging holds them open), or with no reservation while the cluster is down.
/// </summary>
internal sealed class QuorumFolder : SimulatorComponent
{
    public QuorumFolder(ClusterSimulator sim)
        : base(sim)
    {
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
        if (checkpoint != quorum.Latest)
        {
            Sim.Relied(Assumption.OlderCheckpointsStay);
        }

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
