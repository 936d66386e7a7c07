using Diagnose.Knowledge.Articles;
using Newtonsoft.Json.Linq;

namespace Diagnose.Knowledge.Loading;

/// <summary>Reads an incident's <c>roles</c> strictly: a count the simulator can place, an <c>of</c> naming an earlier role, known Clusdb states.</summary>
internal static class IncidentRoles
{
    private static readonly string[] ClusdbStates = ["valid", "corrupt", "zero-bytes", "missing"];

    public static List<IncidentRole> Read(Dictionary<string, ArticleFile.RoleFile> roles, JToken at, Action<JToken?, string> problem)
    {
        var result = new List<IncidentRole>();
        foreach (var (name, role) in roles)
        {
            JToken? Token(string key) => at.SelectToken("roles")?[name]?[key] ?? at.SelectToken("roles")?[name];
            var count = role.Count is null ? RoleCount.One : RoleCount.Parse(role.Count);
            if (count is null)
            {
                problem(Token("count"), $"role '{name}' has count '{role.Count}': expected a number of nodes (\"2\"), a range (\"1-3\", \"0-rest\") or \"rest\"");
                continue;
            }

            if (role.Of is not null && role.Of != "nodes" && !result.Any(r => r.Name == role.Of))
            {
                problem(Token("of"), $"role '{name}' is drawn from role '{role.Of}', which is neither 'nodes' nor an earlier role of this incident");
            }

            foreach (var state in role.SnapshotClusdb.Where(s => !ClusdbStates.Contains(s)))
            {
                problem(Token("snapshotClusdb"), $"role '{name}' names Clusdb state '{state}': expected {string.Join(", ", ClusdbStates)}");
            }

            if (role.SeenIn is not null && (count.IsSet || role.SnapshotClusdb.Count > 0))
            {
                problem(Token("seenIn"), $"role '{name}' is the one node where the diagnosis saw {role.SeenIn}: it takes no 'count' and no 'snapshotClusdb'");
            }

            result.Add(new IncidentRole(name, role.SeenIn) { Count = count, Of = role.Of, SnapshotClusdb = role.SnapshotClusdb });
        }

        return result;
    }
}
