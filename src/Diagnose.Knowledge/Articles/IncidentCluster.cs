namespace Diagnose.Knowledge.Articles;

/// <summary>
/// The cluster an incident written as operations starts from (kb/ <c>incidents[].cluster</c>): the operating system
/// every node runs, the groups with their resources, the JET databases on the shared disk, and when the run starts.
/// </summary>
public sealed record IncidentCluster(string Os, IReadOnlyList<IncidentGroup> Groups, IReadOnlyList<IncidentDatabase> Databases, DateTime Start)
{
    /// <summary>The operating system every node runs in a cluster of that many nodes, where it differs from <see cref="Os"/>.</summary>
    public IReadOnlyDictionary<int, string> OsByNodeCount { get; init; } = new Dictionary<int, string>();

    /// <summary>The starting operating system for a cluster of <paramref name="nodes"/> nodes.</summary>
    public string OsFor(int nodes) => OsByNodeCount.GetValueOrDefault(nodes, Os);
}
