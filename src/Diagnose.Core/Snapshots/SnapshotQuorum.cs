namespace Diagnose.Core.Snapshots;

/// <summary>The MSCS folder on the quorum disk.</summary>
public sealed record SnapshotQuorum
{
    public IReadOnlyList<SnapshotCheckpoint> Checkpoints { get; init; } = [];

    public bool? QuologPresent { get; init; }

    public bool? QuologValid { get; init; }

    public bool? Tombstone { get; init; }

    /// <summary>When the cluster configuration last changed (from Cluster Administrator or the cluster log).</summary>
    public DateTime? LastConfigurationChangeUtc { get; init; }

    public int? Line { get; init; }
}
