using Diagnose.Knowledge.Articles;
using Diagnose.Knowledge.Events;
using Diagnose.Simulation.Scenarios;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// What a diagnosis decides of an incident written as operations before it is replayed: the node of each role with
/// <c>seenIn</c> (where the diagnosis saw that fact, on a node no earlier role took) or <c>runs</c> (the snapshot's node
/// running that OS), and the group of each choice (the one whose resource opens the database the diagnosis names).
/// </summary>
internal static class ReplayRoles
{
    public static (Dictionary<string, string>? Roles, string? Problem) Place(DiagnosedIncident d, Incident incident, EventCatalog events)
    {
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in incident.Roles.Where(r => r.SeenIn is not null || r.Runs is not null))
        {
            var node = role.SeenIn is null ? null : d.Events.FirstOrDefault(e => e.Type == role.SeenIn && !roles.ContainsValue(e.Node))?.Node;
            node ??= role.Runs is null ? null : Running(d, IncidentInterpreter.Os(role.Runs), roles);
            if (node is null)
            {
                var seen = role.SeenIn is null ? null : $"{DiagnosisCases.Named(events, role.SeenIn)}{(roles.Count > 0 ? " from a node without a role" : "")}";
                var runs = role.Runs is null ? null : $"snapshot node running {role.Runs}";
                return (null, $"the diagnosis has no {string.Join(" and no ", new[] { seen, runs }.OfType<string>())} to say which node is {{{role.Name}}}");
            }

            roles[role.Name] = node;
        }

        return (roles, null);
    }

    public static (Dictionary<string, string>? Choices, string? Problem) Choose(DiagnosedIncident d, Incident incident, EventCatalog events)
    {
        var choices = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var choice in incident.Choices.Where(c => c.SeenIn is not null))
        {
            if (d.Events.FirstOrDefault(e => e.Type == choice.SeenIn)?.Field(choice.DatabaseIn!) is not { } database)
            {
                return (null, $"the diagnosis has no {DiagnosisCases.Named(events, choice.SeenIn!)} with its {choice.DatabaseIn} to say which group is {{{choice.Name}}}");
            }

            var group = incident.Cluster?.Groups.FirstOrDefault(g => choice.Groups.Contains(g.Name) && g.Resources.Any(r => string.Equals(r.Database, database, StringComparison.OrdinalIgnoreCase)));
            if (group is null)
            {
                return (null, $"the incident has no group for {{{choice.Name}}} whose resource opens database '{database}' (it has {string.Join(", ", choice.Groups)})");
            }

            choices[choice.Name] = group.Name;
        }

        return (choices, null);
    }

    private static string? Running(DiagnosedIncident d, Model.OsVersion os, Dictionary<string, string> taken) =>
        d.Snapshot?.Nodes.Select(n => (Name: IncidentFacts.NodeName(n.Name), Os: IncidentFacts.Parse(n.Os, n.ServicePack)))
            .FirstOrDefault(n => n.Os == os && !taken.ContainsValue(n.Name)).Name;
}
