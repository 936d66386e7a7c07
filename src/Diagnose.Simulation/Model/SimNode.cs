namespace Diagnose.Simulation.Model;

/// <summary>One cluster node: OS, power, start types, what is loaded and its local Clusdb.</summary>
public sealed class SimNode
{
    public required string Name { get; init; }

    public OsVersion Os { get; set; }

    public bool Powered { get; set; }

    /// <summary>Booted from a disaster-recovery Windows installation: no cluster software, no ClusDisk.</summary>
    public bool RecoveryInstall { get; set; }

    public StartType ClusDiskStart { get; set; } = StartType.System;

    public StartType ClusSvcStart { get; set; } = StartType.Automatic;

    public bool ClusDiskLoaded { get; set; }

    /// <summary>The cluster service runs and this node is a member of the cluster.</summary>
    public bool Member { get; set; }

    /// <summary>Running as <c>clussvc -debug -noquorumlogging</c>.</summary>
    public bool DebugNoQuorumLogging { get; set; }

    public ClusdbFile Clusdb { get; set; }

    /// <summary>False after a power loss until the next boot logs 6008.</summary>
    public bool CleanShutdown { get; set; } = true;

    /// <summary>Without ClusDisk (or from a recovery install) Windows mounts every shared disk with no reservation.</summary>
    public bool MountsSharedDisksUnprotected => Powered && (RecoveryInstall || !ClusDiskLoaded);

    public SimNode Clone() => (SimNode)MemberwiseClone();
}
