using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Cluster;

/// <summary>
/// A generic-service resource whose registry key (its <see cref="SimResource.CheckpointKey"/>) the cluster checkpoints
/// and writes back when the resource comes online (Q174070, registry checkpointing), and the "Restore in Progress"
/// marker an online restore leaves in that key. Q188674, Cause: bringing the resource online after a restore writes the
/// checkpoint over the marker, so the service starts without replaying its logs and fails (-528); Resolution: started
/// from Services (or by the restore) first, it replays, and the later online cannot restore the checkpoint (1024).
/// Service, key and events come from the resource's data; a cluster has at most one such service.
/// </summary>
internal sealed class RegistryCheckpointedService : SimulatorComponent
{
    public RegistryCheckpointedService(ClusterSimulator sim)
        : base(sim)
    {
    }

    private CheckpointedServiceState Service => State.CheckpointedService;

    public bool Online(SimResource r, string node)
    {
        if (Service.RunningOn == node)
        {
            // The running service holds its key open, so the cluster cannot write its checkpoint back (harmless here).
            Emit(node, () => Events.CheckpointNotRestored(r.Name, r.CheckpointKey!));
            return ResourceGroups.Online(r);
        }

        if (Service.RunningOn is not null)
        {
            return Sim.Groups.Failed(r, node);
        }

        // The cluster restores its checkpointed copy of the service key, erasing "Restore in Progress".
        if (Service.RestoreMarkerOn == node)
        {
            Service.RestoreMarkerOn = null;
        }

        return Start(node, r, asResource: true);
    }

    /// <summary>Whether a checkpointed generic service of this cluster runs <paramref name="service"/> (a service name).</summary>
    public bool Runs(string service) => Find(r => string.Equals(r.Service, service, StringComparison.OrdinalIgnoreCase)) is not null;

    /// <summary>
    /// Online restore of the database of the checkpointed service whose resource <paramref name="what"/> names (its
    /// name, a part of it, or its service) onto the node that owns its group; false when no such resource exists.
    /// </summary>
    public bool Restore(string what, bool startServices)
    {
        var resource = Find(r => r.Name.Contains(what, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Service, what, StringComparison.OrdinalIgnoreCase));
        if (resource is null)
        {
            return false;
        }

        var owner = Owner(resource, "");
        if (resource.State == ResourceState.Online || Service.RunningOn is not null)
        {
            throw new SimulationException($"'{resource.Name}' is running; take it offline before an online restore");
        }

        Emit(owner, () => Events.BackupStarted(resource.Name, startServices));
        Wait(1800);
        Service.NeedsReplay = true;
        Service.RestoreMarkerOn = owner;
        Emit(owner, () => Events.BackupCompleted(resource.Name));
        State.Restores.Add(new RestoreRecord(owner, resource.Service!, Sim.Now, startServices));
        if (startServices)
        {
            Wait(30);
            Start(owner, resource, asResource: false);
        }

        return true;
    }

    /// <summary>Start the service from the Services tool: the article's "on the node that owns the Exchange group", which may have changed since the diagnosis.</summary>
    public void StartFromServices(string service)
    {
        var resource = Find(r => string.Equals(r.Service, service, StringComparison.OrdinalIgnoreCase))!;
        var owner = Owner(resource, ", so no node has its database on its disks");
        if (Service.RunningOn != owner)
        {
            Wait(10);
            Start(owner, resource, asResource: false);
        }
    }

    /// <summary>The service stops on this node (stopped by a person, taken offline, or the node shuts down).</summary>
    public void Offline(string node)
    {
        if (Service.RunningOn == node && Find(_ => true) is { } resource)
        {
            Service.RunningOn = null;
            Emit(node, () => Events.ServiceState(resource.DisplayName, false));
        }
    }

    private bool Start(string node, SimResource resource, bool asResource)
    {
        if (Service.NeedsReplay)
        {
            if (Service.RestoreMarkerOn == node)
            {
                Emit(node, () => Events.RestoreReplay(resource.Service!));
                Wait(60);
                Service.NeedsReplay = false;
                Service.RestoreMarkerOn = null;
            }
            else
            {
                // A normal start expects an unbroken log sequence ending in EDB.log: JET_errMissingLogFile.
                if (resource.FailedEvent is { } failed)
                {
                    Emit(node, () => Events.Write(failed, "-528"));
                }

                if (asResource)
                {
                    Wait(14);
                    Emit(node, () => Events.GenericServiceFailed(resource.Name));
                    Wait(1);
                    return Sim.Groups.Failed(resource, node);
                }

                return false;
            }
        }

        Service.RunningOn = node;

        Emit(node, () => Events.ServiceState(resource.DisplayName, true));
        if (resource.StartedEvent is { } started)
        {
            Emit(node, () => Events.Write(started));
        }

        if (asResource)
        {
            resource.State = ResourceState.Online;
        }

        return true;
    }

    private SimResource? Find(Func<SimResource, bool> match) =>
        State.Groups.SelectMany(g => g.Resources).FirstOrDefault(r => r.Kind == ResourceKind.CheckpointedService && match(r));

    private string Owner(SimResource resource, string consequence)
    {
        var group = State.GroupOf(resource.Name)!;
        return group.Owner is { } o && State.Node(o).Member ? o : throw new SimulationException($"no running node owns '{group.Name}'{consequence}");
    }
}
