using Diagnose.Knowledge.Articles;
using Diagnose.Simulation.Model;
using Diagnose.Simulation.Validation;

namespace Diagnose.Simulation.Scenarios;

/// <summary>
/// Gives each role of an incident its nodes (kb/ <c>incidents[].roles</c>): <c>{nodes}</c> is every node; a role takes
/// its <see cref="IncidentRole.Count"/> of nodes no earlier role took, or of the nodes of the role it is drawn from
/// (<see cref="IncidentRole.Of"/>, or "nodes" for every node) that no earlier role set drawn from it took. The seed picks them; a replay takes the node a role was seen on, the nodes whose
/// Clusdb the snapshot gives in the role's states, else the next free nodes, and says when the evidence fits no role.
/// </summary>
internal static class RoleSets
{
    public static PlanBinding Assign(Incident incident, IReadOnlyList<string> nodes, IncidentInterpreter.Known? known, Random random)
    {
        var binding = new PlanBinding().Set("nodes", [.. nodes]);
        var free = nodes.Where(n => known?.Roles.Values.Contains(n) != true).ToList();
        var given = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var drawn = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal) { ["nodes"] = [] };
        given["nodes"] = [.. nodes];
        var roles = incident.Roles;
        for (var i = 0; i < roles.Count; i++)
        {
            var role = roles[i];
            var pool = role.Of is null ? free : given[role.Of].Where(n => !drawn[role.Of].Contains(n)).ToList();

            // Later roles drawn from the same nodes keep at least their minimum.
            var reserve = roles.Skip(i + 1).Where(r => r.Of == role.Of && r.SeenIn is null && (r.Of is null || r.Count.IsSet)).Sum(r => r.Count.Min);
            var chosen = known?.Roles.GetValueOrDefault(role.Name) is { } seen ? [seen]
                : known is null ? Seeded(incident, role, pool, reserve, nodes.Count, random)
                : Replayed(role, pool, reserve, known);
            if (role.Of is null)
            {
                free.RemoveAll(chosen.Contains);
            }
            else if (role.Count.IsSet)
            {
                // Role sets drawn from one role share its nodes out; a single node drawn from it only names one of them.
                drawn[role.Of].UnionWith(chosen);
            }

            given[role.Name] = [.. nodes.Where(chosen.Contains)];
            drawn[role.Name] = new HashSet<string>(StringComparer.Ordinal);
            binding.Set(role.Name, [.. given[role.Name]]);
        }

        return binding;
    }

    private static List<string> Seeded(Incident incident, IncidentRole role, List<string> pool, int reserve, int nodeCount, Random random)
    {
        if (!role.Count.IsSet)
        {
            return pool.Count == 0
                ? throw new SimulationException($"incident '{incident.Id}' has more roles than the cluster's {nodeCount} nodes")
                : [pool[random.Next(pool.Count)]];
        }

        var most = Math.Min(role.Count.Max ?? int.MaxValue, pool.Count - reserve);
        if (most < role.Count.Min)
        {
            throw new SimulationException($"incident '{incident.Id}' has more roles than the cluster's {nodeCount} nodes (role '{role.Name}' needs at least {role.Count.Min})");
        }

        var count = role.Count.TakesAll ? most : role.Count.Min + random.Next(most - role.Count.Min + 1);
        var left = pool.ToList();
        var chosen = new List<string>();
        while (chosen.Count < count)
        {
            var pick = left[random.Next(left.Count)];
            left.Remove(pick);
            chosen.Add(pick);
        }

        return chosen;
    }

    private static List<string> Replayed(IncidentRole role, List<string> pool, int reserve, IncidentInterpreter.Known known)
    {
        string State(string node) => known.Clusdb.GetValueOrDefault(node, "valid");
        if (role.SnapshotClusdb.Count == 0)
        {
            var count = !role.Count.IsSet ? 1 : Math.Min(role.Count.Max ?? int.MaxValue, pool.Count - reserve);
            return count <= pool.Count && count >= role.Count.Min ? pool.Take(count).ToList()
                : throw new RolesDoNotFitException($"the cluster has too few nodes for role '{role.Name}'");
        }

        var fitting = pool.Where(n => role.SnapshotClusdb.Contains(State(n))).ToList();
        var states = string.Join(" or ", role.SnapshotClusdb);
        if (role.Count.TakesAll && fitting.Count < pool.Count)
        {
            var other = pool.First(n => !fitting.Contains(n));
            throw new RolesDoNotFitException($"role '{role.Name}' takes every remaining node with Clusdb {states}, but the snapshot gives {other}'s as {State(other)}");
        }

        var chosen = fitting.Take(role.Count.Max ?? int.MaxValue).ToList();
        return chosen.Count >= role.Count.Min ? chosen
            : throw new RolesDoNotFitException($"role '{role.Name}' needs {role.Count.Min} node(s) whose Clusdb the snapshot gives as {states}, and it has {chosen.Count}");
    }
}
