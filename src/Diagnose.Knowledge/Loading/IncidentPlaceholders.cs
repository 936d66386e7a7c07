using Diagnose.Knowledge.Articles;
using Newtonsoft.Json.Linq;

namespace Diagnose.Knowledge.Loading;

/// <summary>
/// Reads an incident's placeholders (kb/ <c>incidents[].roles</c>, <c>sets</c> and <c>choices</c>) and checks that each
/// names what the incident declares: roles a set leaves out, groups of its cluster, one name per placeholder.
/// </summary>
internal static class IncidentPlaceholders
{
    public static (List<IncidentRole> Roles, List<IncidentSet> Sets, List<IncidentChoice> Choices) Read(ArticleFile.IncidentFile incident, IncidentCluster? cluster, JToken at, Action<JToken?, string> problem)
    {
        var groups = cluster?.Groups.Select(g => g.Name).ToHashSet(StringComparer.Ordinal) ?? [];

        // The reader turns a number into text; a placeholder's names and fact types must be written as strings.
        foreach (var key in new[] { "roles", "sets", "choices" })
        {
            foreach (var value in (at[key] as JObject)?.Descendants().OfType<JValue>().Where(v => v.Type != JTokenType.String) ?? [])
            {
                problem(value, $"'{value.Path}' must be a string");
            }
        }

        var roles = IncidentRoles.Read(incident.Roles, at, problem);
        var taken = new HashSet<string>(incident.Roles.Keys, StringComparer.Ordinal) { "nodes" };
        bool Unique(string name, string key)
        {
            if (taken.Add(name))
            {
                return true;
            }

            problem(at[key]?[name], $"'{key}.{name}': the placeholder {{{name}}} is already a role, a set, a choice or {{nodes}}");
            return false;
        }

        void KnownGroups(IEnumerable<string> names, string key, string name)
        {
            foreach (var group in names.Where(g => !groups.Contains(g)))
            {
                problem(at[key]?[name], $"'{key}.{name}' names group '{group}', which 'cluster.groups' does not declare");
            }
        }

        var sets = new List<IncidentSet>();
        foreach (var (name, set) in incident.Sets)
        {
            if (!Unique(name, "sets"))
            {
                continue;
            }

            if ((set.NodesExcept is null) == (set.Groups is null) || set.Groups is { Count: 0 })
            {
                problem(at["sets"]?[name], $"set '{name}' needs exactly one of 'nodesExcept' (roles it leaves out) or 'groups' (a non-empty list of group names)");
                continue;
            }

            foreach (var role in (set.NodesExcept ?? []).Where(r => !incident.Roles.ContainsKey(r)))
            {
                problem(at["sets"]?[name], $"set '{name}' leaves out role '{role}', which 'roles' does not declare");
            }

            KnownGroups(set.Groups ?? [], "sets", name);
            sets.Add(new IncidentSet(name, set.NodesExcept, set.Groups));
        }

        var choices = new List<IncidentChoice>();
        foreach (var (name, choice) in incident.Choices)
        {
            if (!Unique(name, "choices"))
            {
                continue;
            }

            if (choice.Groups.Count == 0 || (choice.SeenIn is null) != (choice.DatabaseIn is null))
            {
                problem(at["choices"]?[name], $"choice '{name}' needs 'groups' (the seed picks one) and, to be replayed, both 'seenIn' (a fact type) and 'databaseIn' (its field naming the database)");
                continue;
            }

            KnownGroups(choice.Groups, "choices", name);
            foreach (var group in cluster?.Groups.Where(g => choice.DatabaseIn is not null && choice.Groups.Contains(g.Name) && g.Resources.All(r => r.Database is null)) ?? [])
            {
                problem(at["choices"]?[name], $"choice '{name}' is replayed by database, but group '{group.Name}' has no resource that opens one");
            }

            choices.Add(new IncidentChoice(name, choice.Groups, choice.SeenIn, choice.DatabaseIn));
        }

        return (roles, sets, choices);
    }
}
