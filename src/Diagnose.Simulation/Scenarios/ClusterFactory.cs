using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Scenarios;

/// <summary>Builds a cluster's starting state: nodes (off), the cluster group and the article's groups.</summary>
internal static class ClusterFactory
{
    public static ClusterState Create(string cluster, IReadOnlyList<string> nodes, OsVersion os, int configVersion, int firstCheckpoint)
    {
        var state = new ClusterState
        {
            Name = cluster,
            Nodes = nodes.Select(n => new SimNode { Name = n, Os = os, Clusdb = ClusdbFile.Valid(configVersion), CleanShutdown = true }).ToList(),
            ConfigVersion = configVersion,
            HighestConfigVersion = configVersion,
        };
        state.Quorum.NextSequence = firstCheckpoint;
        state.Groups.Add(Group("Cluster Group", nodes, Plain("Disk Q:", "Physical Disk", nodes), Plain("Cluster IP Address", "IP Address", nodes), Plain("Cluster Name", "Network Name", nodes)));
        return state;
    }

    /// <summary>Sets the operating system of the nodes <paramref name="nodeOs"/> names.</summary>
    public static void SetOs(ClusterState state, IReadOnlyDictionary<string, OsVersion> nodeOs)
    {
        foreach (var (name, os) in nodeOs)
        {
            state.Node(name).Os = os;
        }
    }

    public static SimGroup Group(string name, IReadOnlyList<string> owners, params SimResource[] resources) =>
        new() { Name = name, Owner = owners[0], Resources = [.. resources] };

    public static SimResource Plain(string name, string type, IReadOnlyList<string> owners) =>
        new() { Name = name, Type = type, PossibleOwners = [.. owners] };
}
