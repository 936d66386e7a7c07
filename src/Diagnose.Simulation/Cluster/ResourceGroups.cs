using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Cluster;

/// <summary>
/// Groups and resources: bringing a group online on its owner or the next possible owner, taking it offline, moving
/// it. A failed resource is restarted on the same node, then its group fails over (KB947712 on Windows Server 2003:
/// up to three restarts in 15 minutes, then failover). Simplified to one restart: a deterministic failure fails every
/// restart alike, so only the number of repeated events differs.
/// </summary>
internal sealed class ResourceGroups : SimulatorComponent
{
    public ResourceGroups(ClusterSimulator sim)
        : base(sim)
    {
    }

    /// <summary>Move Group in Cluster Administrator: offline on the owner, online on the target (failing back over if it fails there).</summary>
    public void MoveGroup(string groupName, string to)
    {
        var group = Group(groupName);
        var target = Up(to);
        if (!target.Member)
        {
            throw new SimulationException($"{target.Name} is not a running member of the cluster");
        }

        if (!group.PossibleOwners.Contains(target.Name, StringComparer.OrdinalIgnoreCase))
        {
            throw new SimulationException($"{target.Name} is not a possible owner of every resource in '{group.Name}'");
        }

        if (group.Owner == target.Name && group.Resources.All(r => r.State == ResourceState.Online || !r.Wanted))
        {
            return;
        }

        if (group.Owner is { } from && State.Node(from).Member)
        {
            TakeGroupOffline(group, from);
        }

        Wait(5);
        BringGroupOnline(group, preferred: target.Name, exclude: null);
    }

    /// <summary>A move that fails half-way (the target stops answering): the group comes back online where it was.</summary>
    public void FailedMove(string groupName, string to)
    {
        var group = Group(groupName);
        var from = group.Owner;
        if (from is null || !State.Node(from).Member)
        {
            return;
        }

        TakeGroupOffline(group, from);
        Wait(5);
        Emit(State.Node(to).Powered ? to : from, () => Events.GroupOnlineFailed(group.Name));
        BringGroupOnline(group, preferred: from, exclude: to);
    }

    /// <summary>Bring Online in Cluster Administrator.</summary>
    public void BringOnline(string resourceName)
    {
        var group = State.GroupOf(resourceName) ?? throw new SimulationException($"there is no resource or group '{resourceName}'");
        if (!State.Formed)
        {
            throw new SimulationException("the cluster is not running");
        }

        var targets = group.Resources.Where(r => string.Equals(r.Name, resourceName, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var r in targets.Count == 0 ? group.Resources : targets)
        {
            r.Wanted = true;
        }

        BringGroupOnline(group, preferred: group.Owner, exclude: null);
    }

    public void TakeOffline(string resourceName)
    {
        var group = State.GroupOf(resourceName) ?? throw new SimulationException($"there is no resource or group '{resourceName}'");
        var targets = group.Resources.Where(r => string.Equals(r.Name, resourceName, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var r in targets.Count == 0 ? group.Resources : targets)
        {
            r.Wanted = false;
            if (r.State == ResourceState.Online && group.Owner is { } owner)
            {
                TakeResourceOffline(r, owner);
            }

            r.State = ResourceState.Offline;
        }
    }

    public SimGroup Group(string name) =>
        State.Groups.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase)) ?? State.GroupOf(name)
        ?? throw new SimulationException($"there is no group '{name}'");

    public void BringWaitingGroupsOnline()
    {
        foreach (var group in State.Groups)
        {
            // A group whose owner is gone, or that never came online, is brought online; a failed one stays failed.
            var hosted = group.Owner is { } owner && State.Node(owner).Member;
            if (group.Resources.Any(r => r.Wanted && (!hosted || r.State == ResourceState.Offline)))
            {
                BringGroupOnline(group, preferred: group.Owner, exclude: null);
            }
        }
    }

    /// <summary>Tries the preferred node, then the others in possible-owner order, each once.</summary>
    public void BringGroupOnline(SimGroup group, string? preferred, string? exclude)
    {
        var candidates = new List<string>();
        void Consider(string? name)
        {
            if (name is not null && name != exclude && !candidates.Contains(name) && State.Nodes.Any(n => n.Name == name && n.Member)
                && group.PossibleOwners.Contains(name, StringComparer.Ordinal))
            {
                candidates.Add(name);
            }
        }

        Consider(preferred);
        Consider(group.Owner);
        foreach (var owner in group.PossibleOwners)
        {
            Consider(owner);
        }

        foreach (var node in candidates)
        {
            if (OnlineGroupOn(group, node, out var mayFailOver) || !mayFailOver)
            {
                return;
            }

            TakeGroupOffline(group, node, keepFailed: true);
            Wait(3);
        }
    }

    private bool OnlineGroupOn(SimGroup group, string node, out bool mayFailOver)
    {
        group.Owner = node;
        mayFailOver = true;
        Emit(node, () => Events.GroupOnlining(group.Name));
        var ok = true;
        foreach (var r in group.Resources.Where(r => r.Wanted && r.State != ResourceState.Online))
        {
            // The resource monitor restarts a failed resource once on the same node before failing the group over.
            var online = OnlineResource(r, node) || (r.FailoverOnFailure && Retry(r, node));
            if (!online)
            {
                ok = false;
                mayFailOver = r.FailoverOnFailure;
                break;
            }
        }

        if (ok)
        {
            Emit(node, () => Events.GroupOnline(group.Name));
        }

        return ok;
    }

    private bool Retry(SimResource r, string node)
    {
        Wait(8);
        return OnlineResource(r, node);
    }

    public void TakeGroupOffline(SimGroup group, string node, bool keepFailed = false)
    {
        Emit(node, () => Events.GroupOfflining(group.Name));
        foreach (var r in group.Resources)
        {
            if (r.State == ResourceState.Online)
            {
                TakeResourceOffline(r, node);
            }

            if (!(keepFailed && r.State == ResourceState.Failed))
            {
                r.State = ResourceState.Offline;
            }
        }

        Emit(node, () => Events.GroupOffline(group.Name));
    }

    private bool OnlineResource(SimResource r, string node)
    {
        Wait(2);
        if (State.SharedDiskCorrupt && r.Type == "Physical Disk")
        {
            Emit(node, () => Events.NtfsCorrupt("Q:"));
            return Failed(r, node);
        }

        return r.Kind switch
        {
            ResourceKind.Jet => Sim.Jet.Online(r, node),
            ResourceKind.CheckpointedService => Sim.Checkpointed.Online(r, node),
            _ => Online(r),
        };
    }

    public static bool Online(SimResource r)
    {
        r.State = ResourceState.Online;
        return true;
    }

    public bool Failed(SimResource r, string node)
    {
        Emit(node, () => Events.ResourceFailed(r.Name));
        r.State = ResourceState.Failed;
        return false;
    }

    private void TakeResourceOffline(SimResource r, string node)
    {
        if (r.Kind == ResourceKind.Jet)
        {
            Sim.Jet.Offline(r, node);
        }
        else if (r.Kind == ResourceKind.CheckpointedService)
        {
            Sim.Checkpointed.Offline(node);
        }
    }
}
