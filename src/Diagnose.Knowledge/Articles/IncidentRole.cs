namespace Diagnose.Knowledge.Articles;

/// <summary>
/// A node, or a set of nodes, an incident's operations name by a placeholder (<c>{olderNode}</c>). When simulated, the
/// seed picks the nodes: <see cref="Count"/> of them among the nodes no earlier role took, or among the nodes of role
/// <see cref="Of"/> that no earlier role of it took. In a replay of a diagnosis, a role with <see cref="SeenIn"/> is the
/// node where the diagnosis saw that fact type; a role with <see cref="SnapshotClusdb"/> is every node (of those it may
/// take) whose Clusdb the snapshot gives in one of those states; a role with <see cref="Runs"/> (an operating system) the
/// node the snapshot says runs it, when no fact placed it; any other role the next nodes not yet given a role. A role with
/// <see cref="SeenIn"/> or <see cref="Runs"/> that the diagnosis does not place makes the replay impossible.
/// </summary>
public sealed record IncidentRole(string Name, string? SeenIn, string? Runs = null)
{
    /// <summary>How many nodes the role takes; one unless the incident says otherwise.</summary>
    public RoleCount Count { get; init; } = RoleCount.One;

    /// <summary>
    /// The role whose nodes this one is drawn from ("nodes": every node), or null for the nodes no role took yet. Role sets
    /// drawn from one role share its nodes out; a single-node role drawn from it names one of them and takes none away.
    /// </summary>
    public string? Of { get; init; }

    /// <summary>The snapshot's Clusdb states (valid, corrupt, zero-bytes, missing) of this role's nodes in a replay; empty when it does not say.</summary>
    public IReadOnlyList<string> SnapshotClusdb { get; init; } = [];
}
