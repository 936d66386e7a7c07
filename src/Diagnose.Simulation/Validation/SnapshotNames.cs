using Diagnose.Knowledge.Articles;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// The names a replay gives the incident's bound resources (kb/ <c>binds</c>) and their groups: the snapshot's resource
/// that runs the same service, when the snapshot lists resources; else the incident's own names, an assumption listed.
/// </summary>
internal static class SnapshotNames
{
    /// <summary>Placeholder → name; null when the snapshot lists resources and none runs a bound resource's service.</summary>
    public static IReadOnlyDictionary<string, string>? Of(IncidentCluster cluster, IncidentFacts facts)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (group, resource) in Bound(cluster))
        {
            if (facts.Snapshot is not { Resources.Count: > 0 } snapshot)
            {
                facts.Assume($"{resource.Service} runs as the {resource.Type} resource '{resource.Name}' in group '{group.Name}' (no snapshot lists the resources)");
                continue;
            }

            if (snapshot.Resources.FirstOrDefault(r => string.Equals(r.Service, resource.Service, StringComparison.OrdinalIgnoreCase)) is not { } found)
            {
                return null;
            }

            names[resource.Binds!] = found.Name;
            if (group.Binds is not null && found.Group is not null)
            {
                names[group.Binds] = found.Group;
            }
        }

        return names;
    }

    /// <summary>Why <see cref="Of"/> found no names: the first bound service no snapshot resource runs.</summary>
    public static string Missing(IncidentCluster cluster, IncidentFacts facts)
    {
        var (_, resource) = Bound(cluster).First(b => !facts.Snapshot!.Resources.Any(r => string.Equals(r.Service, b.Resource.Service, StringComparison.OrdinalIgnoreCase)));
        return $"the snapshot's resources run no {resource.Service}, so the cluster has no '{resource.Name}' resource to bring online";
    }

    private static IEnumerable<(IncidentGroup Group, IncidentResource Resource)> Bound(IncidentCluster cluster) =>
        cluster.Groups.SelectMany(g => g.Resources.Where(r => r.Binds is not null && r.Service is not null).Select(r => (g, r)));
}
