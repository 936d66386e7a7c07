namespace Diagnose.Core.Snapshots;

/// <summary>The MSCS folder on the quorum disk.</summary>
public sealed record SnapshotQuorum
{
    /// <summary>The checkpoint files in the MSCS folder.</summary>
    public IReadOnlyList<SnapshotCheckpoint> Checkpoints { get; init; } = [];

    /// <summary>Whether quolog.log exists (null: not known).</summary>
    public bool? QuologPresent { get; init; }

    /// <summary>Whether quolog.log is intact (null: not known).</summary>
    public bool? QuologValid { get; init; }

    /// <summary>Whether a "tombstone" file is present in the MSCS folder, which makes quolog.log not valid (Q217147, startup step 5; null: not known).</summary>
    public bool? Tombstone { get; init; }

    /// <summary>When the cluster configuration last changed (from Cluster Administrator or the cluster log).</summary>
    public DateTime? LastConfigurationChangeUtc { get; init; }

    /// <summary>Whether the last change was made while a node was down, so quolog.log recorded it (null: not known).</summary>
    public bool? LastConfigurationChangeLogged { get; init; }

    /// <summary>Whether the MSCS folder exists on the quorum disk (null: not known).</summary>
    public bool? MscsFolderPresent { get; init; }

    /// <summary>Line of the quorum object in the snapshot file, for evidence.</summary>
    public int? Line { get; init; }
}
