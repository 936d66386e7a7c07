using Diagnose.Knowledge.Articles;
using Diagnose.Simulation.Validation;

namespace Diagnose.Simulation.Scenarios;

/// <summary>
/// The groups and resources an incident names by placeholder (kb/ <c>binds</c>, such as <c>{resource}</c> for the one
/// that fails): each gives its name, the snapshot's where a replay knows it, to the plans' placeholder of that name.
/// </summary>
internal static class SubjectBinding
{
    /// <summary>Sets each placeholder on <paramref name="binding"/>; returns the bound resources, the ones a fix must bring back online.</summary>
    public static IReadOnlyList<string> Bind(PlanBinding binding, IncidentCluster cluster, IReadOnlyDictionary<string, string>? known)
    {
        var resources = new List<string>();
        foreach (var group in cluster.Groups)
        {
            if (group.Binds is { } groupPlaceholder)
            {
                binding.Set(groupPlaceholder, Name(group.Name, groupPlaceholder, known));
            }

            foreach (var resource in group.Resources.Where(r => r.Binds is not null))
            {
                var name = Name(resource.Name, resource.Binds, known);
                binding.Set(resource.Binds!, name);
                resources.Add(name);
            }
        }

        return resources;
    }

    /// <summary>The name a bound group or resource takes: the snapshot's where a replay knows it, else its declared one.</summary>
    public static string Name(string declared, string? binds, IReadOnlyDictionary<string, string>? known) =>
        binds is not null && known?.GetValueOrDefault(binds) is { } name ? name : declared;
}
