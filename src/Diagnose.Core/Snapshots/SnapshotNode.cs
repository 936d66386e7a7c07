namespace Diagnose.Core.Snapshots;

/// <summary>One cluster node as the snapshot describes it.</summary>
public sealed record SnapshotNode
{
    /// <summary>The node's computer name.</summary>
    public required string Name { get; init; }

    /// <summary>Operating system as written, e.g. "Windows NT 4.0", "Windows 2000", "Windows Server 2003".</summary>
    public string? Os { get; init; }

    /// <summary>Service pack number of <see cref="Os"/> (0 for none).</summary>
    public int? ServicePack { get; init; }

    /// <summary>State of %SystemRoot%\Cluster\Clusdb: valid, corrupt, zero-bytes or missing.</summary>
    public string? ClusdbState { get; init; }

    /// <summary>Size of %SystemRoot%\Cluster\Clusdb in bytes.</summary>
    public long? ClusdbBytes { get; init; }

    /// <summary>ClusDisk driver start type: system, manual, disabled.</summary>
    public string? ClusDiskStart { get; init; }

    /// <summary>Cluster service start type: automatic, manual, disabled.</summary>
    public string? ClusSvcStart { get; init; }

    /// <summary>Whether the node was up and a member of the running cluster when the snapshot was taken (a sponsor for a join).</summary>
    public bool? ClusterMember { get; init; }

    /// <summary>Whether the node can start a disaster-recovery Windows installation without the cluster software.</summary>
    public bool? RecoveryInstallAvailable { get; init; }

    /// <summary>Line of the node's object in the snapshot file, for evidence.</summary>
    public int? Line { get; init; }
}
