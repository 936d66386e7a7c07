namespace Diagnose.Core.Snapshots;

/// <summary>A <c>Chk&lt;n&gt;.tmp</c> checkpoint file on the quorum disk.</summary>
public sealed record SnapshotCheckpoint
{
    public required string File { get; init; }

    public required long Sequence { get; init; }

    /// <summary>Whether the checkpoint matches its checksum record in quolog.log (null: not known).</summary>
    public bool? ChecksumMatches { get; init; }

    /// <summary>The result of loading a copy with Regedt32's Load Hive, the only check before NT 4.0 SP5: "loads" or "fails" (null: not done).</summary>
    public string? LoadHive { get; init; }

    public DateTime? WrittenAtUtc { get; init; }

    public int? Line { get; init; }
}
