namespace Diagnose.Core.Snapshots;

/// <summary>
/// What a support engineer knows of a cluster that no event says: node versions, Clusdb files,
/// quorum checkpoints, start types and resources. Read from a snapshot JSON file (schema in README).
/// </summary>
public sealed record ClusterSnapshot
{
    /// <summary>The cluster's name.</summary>
    public string? Cluster { get; init; }

    /// <summary>When the snapshot was taken.</summary>
    public DateTime? CapturedAtUtc { get; init; }

    /// <summary>The cluster's nodes.</summary>
    public IReadOnlyList<SnapshotNode> Nodes { get; init; } = [];

    /// <summary>The MSCS folder on the quorum disk, when described.</summary>
    public SnapshotQuorum? Quorum { get; init; }

    /// <summary>The cluster's resources.</summary>
    public IReadOnlyList<SnapshotResource> Resources { get; init; } = [];

    /// <summary>Restores from backup that the engineer knows of (the backup program's job log says when and where).</summary>
    public IReadOnlyList<SnapshotRestore> Restores { get; init; } = [];

    /// <summary>The file the snapshot was read from.</summary>
    public required string Source { get; init; }
}
