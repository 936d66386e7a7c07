namespace Diagnose.Core.Snapshots;

/// <summary>A <c>Chk&lt;n&gt;.tmp</c> checkpoint file on the quorum disk.</summary>
public sealed record SnapshotCheckpoint
{
    public required string File { get; init; }

    public required long Sequence { get; init; }

    /// <summary>Whether the checkpoint matches its checksum record in quolog.log (null: not known).</summary>
    public bool? ChecksumMatches { get; init; }

    public DateTime? WrittenAtUtc { get; init; }

    public int? Line { get; init; }
}
