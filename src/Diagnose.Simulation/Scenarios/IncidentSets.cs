using Diagnose.Knowledge.Articles;
using Diagnose.Simulation.Model;
using Diagnose.Simulation.Validation;

namespace Diagnose.Simulation.Scenarios;

/// <summary>
/// Binds an incident's sets and choices (kb/ <c>incidents[].sets</c>, <c>choices</c>) once its roles have nodes: a set of
/// nodes is every node but the roles it leaves out, a set of groups the groups it lists; a choice is the group a replay
/// knows, else one the seed picks.
/// </summary>
internal static class IncidentSets
{
    public static void Bind(Incident incident, PlanBinding binding, IReadOnlyList<string> nodes, IReadOnlyDictionary<string, string>? known, Random random)
    {
        foreach (var set in incident.Sets)
        {
            if (set.Groups is { } groups)
            {
                binding.Set(set.Name, [.. groups]);
                continue;
            }

            var left = set.NodesExcept!.Select(role => binding.Values[role][0]).ToHashSet(StringComparer.Ordinal);
            var members = nodes.Where(n => !left.Contains(n)).ToArray();
            binding.Set(set.Name, members.Length > 0 ? members : throw new SimulationException($"incident '{incident.Id}': the set {{{set.Name}}} has no node (the cluster has {nodes.Count})"));
        }

        foreach (var choice in incident.Choices)
        {
            binding.Set(choice.Name, known?.GetValueOrDefault(choice.Name) ?? choice.Groups[random.Next(choice.Groups.Count)]);
        }
    }
}
