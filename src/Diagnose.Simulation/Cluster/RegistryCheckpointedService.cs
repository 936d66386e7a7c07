using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Cluster;

/// <summary>
/// A generic-service resource whose registry key the cluster checkpoints and writes back when the resource comes
/// online (Q174070, registry checkpointing), and the "Restore in Progress" marker an online restore leaves in that key.
/// Q188674: bringing the resource online after a restore writes the checkpoint over the marker, so the service starts
/// without replaying its logs and fails (-528); started from Services first, it replays, and the later online logs 1024.
/// </summary>
internal sealed class RegistryCheckpointedService : SimulatorComponent
{
    public RegistryCheckpointedService(ClusterSimulator sim)
        : base(sim)
    {
    }

    private const string DirectoryKey = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS";

    public bool Online(SimResource r, string node)
    {
        var directory = State.Exchange;
        if (directory.RunningOn == node)
        {
            // The running service holds its key open, so the cluster cannot write its checkpoint back (harmless here).
            Emit(node, () => Events.CheckpointNotRestored(r.Name, DirectoryKey));
            return ResourceGroups.Online(r);
        }

        if (directory.RunningOn is not null)
        {
            return Sim.Groups.Failed(r, node);
        }

        // The cluster restores its checkpointed copy of the service key, erasing "Restore in Progress".
        if (directory.RestoreMarkerOn == node)
        {
            directory.RestoreMarkerOn = null;
        }

        return Start(node, r);
    }

    public bool Start(string node, SimResource? resource)
    {
        var directory = State.Exchange;
        if (directory.NeedsReplay)
        {
            if (directory.RestoreMarkerOn == node)
            {
                Emit(node, () => Events.RestoreReplay());
                Wait(60);
                directory.NeedsReplay = false;
                directory.RestoreMarkerOn = null;
            }
            else
            {
                // A normal start expects an unbroken log sequence ending in EDB.log: JET_errMissingLogFile.
                Emit(node, () => Events.DirectoryInitFailed(-528));
                if (resource is not null)
                {
                    Wait(14);
                    Emit(node, () => Events.GenericServiceFailed(resource.Name));
                    Wait(1);
                    return Sim.Groups.Failed(resource, node);
                }

                return false;
            }
        }

        directory.RunningOn = node;
        Emit(node, () => Events.ServiceState("Microsoft Exchange Directory", true));
        Emit(node, () => Events.DirectoryStarted());
        if (resource is not null)
        {
            resource.State = ResourceState.Online;
        }

        return true;
    }

    /// <summary>Online restore of the Exchange directory onto the node that owns the Exchange group.</summary>
    public void Restore(bool startServices)
    {
        var group = State.Groups.FirstOrDefault(g => g.Resources.Any(r => r.Kind == ResourceKind.ExchangeDirectory))
            ?? throw new SimulationException("there is no Exchange directory in this cluster");
        var owner = group.Owner is { } o && State.Node(o).Member ? o : throw new SimulationException($"no running node owns '{group.Name}'");
        var resource = group.Resources.First(r => r.Kind == ResourceKind.ExchangeDirectory);
        if (resource.State == ResourceState.Online || State.Exchange.RunningOn is not null)
        {
            throw new SimulationException("the directory is running; take it offline before an online restore");
        }

        Emit(owner, () => Events.BackupStarted("Microsoft Exchange Directory", startServices));
        Wait(1800);
        State.Exchange.NeedsReplay = true;
        State.Exchange.RestoreMarkerOn = owner;
        Emit(owner, () => Events.BackupCompleted("Microsoft Exchange Directory"));
        if (startServices)
        {
            Wait(30);
            Start(owner, null);
        }
    }

    /// <summary>Start the service from the Services tool: the article's "on the node that owns the Exchange group", which may have changed since the diagnosis.</summary>
    public void StartFromServices()
    {
        var group = State.Groups.FirstOrDefault(g => g.Resources.Any(r => r.Kind == ResourceKind.ExchangeDirectory))
            ?? throw new SimulationException("there is no Exchange directory in this cluster");
        var owner = group.Owner is { } o && State.Node(o).Member ? o
            : throw new SimulationException($"no running node owns '{group.Name}', so no node has the directory database on its disks");
        if (State.Exchange.RunningOn != owner)
        {
            Wait(10);
            Start(owner, null);
        }
    }

    /// <summary>The service stops on this node (stopped by a person, taken offline, or the node shuts down).</summary>
    public void Offline(string node)
    {
        if (State.Exchange.RunningOn == node)
        {
            State.Exchange.RunningOn = null;
            Emit(node, () => Events.ServiceState("Microsoft Exchange Directory", false));
        }
    }
}
