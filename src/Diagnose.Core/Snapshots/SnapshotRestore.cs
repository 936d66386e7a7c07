namespace Diagnose.Core.Snapshots;

/// <summary>
/// A restore from backup onto a node, as the backup program's job log or the engineer records it: which service's
/// data, when it finished, and whether the backup program was told to start the services afterwards.
/// </summary>
public sealed record SnapshotRestore
{
    /// <summary>The node restored onto.</summary>
    public required string Node { get; init; }

    /// <summary>The service whose data was restored.</summary>
    public string? Service { get; init; }

    /// <summary>When the restore finished.</summary>
    public DateTime? FinishedAtUtc { get; init; }

    /// <summary>Whether the backup program was told to start the services afterwards (null: not known).</summary>
    public bool? StartServicesAfterRestore { get; init; }

    /// <summary>The backup program.</summary>
    public string? Program { get; init; }

    /// <summary>Line of its object in the snapshot file, for evidence.</summary>
    public int? Line { get; init; }
}
