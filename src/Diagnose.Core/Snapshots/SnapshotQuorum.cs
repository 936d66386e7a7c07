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

    /// <summary>Whether the last change was made while a node was down, so quolog.log recorded it (null: not known).</summary>
    public bool? LastConfigurationChangeLogged { get; init; }

    /// <summary>Whether the MSCS folder exists on the quorum disk (null: not known).</summary>
    public bool? MscsFolderPresent { get; init; }

    public int? Line { get; init; }
}
