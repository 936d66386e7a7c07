namespace Diagnose.Core.Snapshots;

/// <summary>
/// A restore from backup onto a node, as the backup program's job log or the engineer records it: which service's
/// data, when it finished, and whether the backup program was told to start the services afterwards.
/// </summary>
public sealed record SnapshotRestore
{
    public required string Node { get; init; }

    public string? Service { get; init; }

    public DateTime? FinishedAtUtc { get; init; }

    public bool? StartServicesAfterRestore { get; init; }

    public string? Program { get; init; }

    public int? Line { get; init; }
}
