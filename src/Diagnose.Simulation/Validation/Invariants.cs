using Diagnose.Simulation.Cluster;
using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// The goals a fix must reach: no shared-disk corruption, no database lost, the configuration not rolled
/// back past what was recoverable when the plan began, every node starting ClusDisk and the cluster service at boot,
/// every resource online, and every group able to fail over to each of its possible owners.
/// </summary>
internal static class Invariants
{
    public const string SharedDisk = "no-shared-disk-corruption";
    public const string DataLost = "no-data-lost";
    public const string Configuration = "configuration-not-rolled-back";
    public const string ResourcesOnline = "resources-online";
    public const string Failover = "failover-all-owners";
    public const string StepPossible = "step-possible";
    public const string StartTypes = "cluster-starts-at-boot";

    /// <summary>
    /// The newest configuration any valid copy holds: the running cluster, any node's valid Clusdb, the newest checkpoint
    /// rolled up with a usable quolog.log, any other consistent checkpoint, or a backup (Q217147 names all of them as
    /// sources to restart from). A plan that ends older than this lost a configuration that was still there.
    /// </summary>
    public static int Recoverable(ClusterState state) => RecoverableCopy(state).Version;

    /// <summary>The newest configuration any valid copy holds and which copy holds it (the first found, in the order above).</summary>
    public static (int Version, string Copy) RecoverableCopy(ClusterState state)
    {
        var copies = new List<(int Version, string Copy)>();
        if (state.Formed)
        {
            copies.Add((state.ConfigVersion, "the running cluster"));
        }

        copies.AddRange(state.Nodes.Where(n => n.Clusdb.Usable).Select(n => (n.Clusdb.ConfigVersion, $"{n.Name}'s Clusdb")));
        if (state.Quorum.RecoverableVersion is { } rolled)
        {
            copies.Add((rolled, $"the newest checkpoint {state.Quorum.Latest!.File} with quolog.log"));
        }

        if (state.Quorum.MscsPresent)
        {
            copies.AddRange(state.Quorum.Checkpoints.Where(c => c.Consistent).Select(c => (c.ConfigVersion, c == state.Quorum.Latest ? $"checkpoint {c.File}" : $"checkpoint {c.File} (an older one: assumption older-checkpoints-stay)")));
        }

        copies.AddRange(state.Backups.Where(b => b.What == "clusdb").Select(b => (b.Version, "a backup of Clusdb")));
        return copies.Count == 0 ? (0, "no copy") : copies.MaxBy(c => c.Version);
    }

    /// <summary>The first invariant broken, or null when all hold.</summary>
    public static (string Invariant, string Detail)? Check(ClusterSimulator sim, (int Version, string Copy) recoverable, IReadOnlyList<string> affected)
    {
        var state = sim.State;
        if (state.SharedDiskCorrupt)
        {
            return (SharedDisk, "two nodes mounted the shared disks without ClusDisk reservations and destroyed their NTFS structures");
        }

        if (state.Databases.Values.FirstOrDefault(d => d.Damaged) is { } db)
        {
            return (DataLost, $"the {db.Instance} database on the shared disk is lost");
        }

        if (!state.Formed)
        {
            return (ResourcesOnline, "the cluster is not running on any node");
        }

        if (state.ConfigVersion < recoverable.Version)
        {
            return (Configuration, $"the cluster runs configuration version {state.ConfigVersion}, older than version {recoverable.Version} that {recoverable.Copy} held when the plan began");
        }

        if (state.Nodes.FirstOrDefault(n => n.Member && n.Clusdb.ConfigVersion != state.ConfigVersion) is { } stale)
        {
            return (Configuration, $"{stale.Name}'s Clusdb holds version {stale.Clusdb.ConfigVersion}, not the cluster's {state.ConfigVersion}");
        }

        // Q217147's recovery ends by setting ClusDisk back to System and the Cluster service back to Automatic (steps 11
        // and 13): a node left on manual neither protects the shared disks nor rejoins the cluster after its next restart.
        if (state.Nodes.FirstOrDefault(n => n.ClusDiskStart is not (StartType.Boot or StartType.System) || n.ClusSvcStart != StartType.Automatic) is { } manual)
        {
            return (StartTypes, $"{manual.Name} starts ClusDisk {manual.ClusDiskStart.ToString().ToLowerInvariant()} and the Cluster service {manual.ClusSvcStart.ToString().ToLowerInvariant()}, so it does not rejoin the cluster by itself after a restart");
        }

        foreach (var group in state.Groups)
        {
            if (group.Resources.FirstOrDefault(r => r.State != ResourceState.Online && (r.Wanted || affected.Contains(r.Name, StringComparer.OrdinalIgnoreCase))) is { } r)
            {
                return (ResourcesOnline, $"'{r.Name}' in '{group.Name}' is {r.State.ToString().ToLowerInvariant()}{(group.Owner is null ? "" : $" on {group.Owner}")}");
            }
        }

        return CheckFailover(sim, null);
    }

    /// <summary>Moves each group (or only <paramref name="only"/>) to every possible owner in turn on a copy of the cluster.</summary>
    public static (string Invariant, string Detail)? CheckFailover(ClusterSimulator sim, string? only)
    {
        var probe = sim.Fork(0);
        probe.Logging = false;
        foreach (var group in probe.State.Groups.Where(g => only is null || string.Equals(g.Name, only, StringComparison.OrdinalIgnoreCase) || g.Resources.Any(r => string.Equals(r.Name, only, StringComparison.OrdinalIgnoreCase))))
        {
            foreach (var owner in group.PossibleOwners.ToList())
            {
                if (!probe.State.Node(owner).Member)
                {
                    return (Failover, $"{owner}, a possible owner of '{group.Name}', is not running the cluster");
                }

                try
                {
                    probe.MoveGroup(group.Name, owner);
                }
                catch (SimulationException e)
                {
                    return (Failover, $"moving '{group.Name}' to {owner}: {e.Message}");
                }

                if (group.Owner != owner || group.Resources.Any(r => r.Wanted && r.State != ResourceState.Online))
                {
                    var bad = group.Resources.FirstOrDefault(r => r.Wanted && r.State != ResourceState.Online);
                    return (Failover, $"'{group.Name}' cannot run on {owner}{(bad is null ? $" (it went back to {group.Owner})" : $": '{bad.Name}' is {bad.State.ToString().ToLowerInvariant()}")}");
                }
            }
        }

        return null;
    }
}
