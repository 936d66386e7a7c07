namespace Diagnose.Simulation.Model;

/// <summary>One cluster node: OS, power, start types, what is loaded and its local Clusdb.</summary>
public sealed class SimNode
{
    /// <summary>The node's computer name.</summary>
    public required string Name { get; init; }

    /// <summary>The operating system the node runs.</summary>
    public OsVersion Os { get; set; }

    /// <summary>True while the node is turned on.</summary>
    public bool Powered { get; set; }

    /// <summary>Booted from a disaster-recovery Windows installation: no cluster software, no ClusDisk.</summary>
    public bool RecoveryInstall { get; set; }

    /// <summary>The ClusDisk driver's start type; System by default.</summary>
    public StartType ClusDiskStart { get; set; } = StartType.System;

    /// <summary>The cluster service's start type; Automatic by default.</summary>
    public StartType ClusSvcStart { get; set; } = StartType.Automatic;

    /// <summary>True once the ClusDisk driver is loaded; without it Windows mounts every shared disk with no reservation.</summary>
    public bool ClusDiskLoaded { get; set; }

    /// <summary>The cluster service runs and this node is a member of the cluster.</summary>
    public bool Member { get; set; }

    /// <summary>Running as <c>clussvc -debug -noquorumlogging</c>.</summary>
    public bool DebugNoQuorumLogging { get; set; }

    /// <summary>The node's local cluster hive (<c>%SystemRoot%\Cluster\Clusdb</c>).</summary>
    public ClusdbFile Clusdb { get; set; }

    /// <summary>False after a power loss until the next boot logs 6008.</summary>
    public bool CleanShutdown { get; set; } = true;

    /// <summary>Without ClusDisk (or from a recovery install) Windows mounts every shared disk with no reservation.</summary>
    public bool MountsSharedDisksUnprotected => Powered && (RecoveryInstall || !ClusDiskLoaded);

    /// <summary>A copy, for a run that must not change this one.</summary>
    public SimNode Clone() => (SimNode)MemberwiseClone();
}
