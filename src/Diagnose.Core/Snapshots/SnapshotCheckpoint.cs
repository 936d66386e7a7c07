namespace Diagnose.Core.Snapshots;

/// <summary>A <c>Chk&lt;n&gt;.tmp</c> checkpoint file on the quorum disk.</summary>
public sealed record SnapshotCheckpoint
{
    /// <summary>Its file name.</summary>
    public required string File { get; init; }

    /// <summary>Its sequence number (the n of <c>Chk&lt;n&gt;.tmp</c>).</summary>
    public required long Sequence { get; init; }

    /// <summary>Whether the checkpoint matches its checksum record in quolog.log (null: not known).</summary>
    public bool? ChecksumMatches { get; init; }

    /// <summary>The result of loading a copy with Regedt32's Load Hive, the only check before NT 4.0 SP5: "loads" or "fails" (null: not done).</summary>
    public string? LoadHive { get; init; }

    /// <summary>When it was written.</summary>
    public DateTime? WrittenAtUtc { get; init; }

    /// <summary>Line of its object in the snapshot file, for evidence.</summary>
    public int? Line { get; init; }
}
