namespace Diagnose.Simulation.Cluster;

/// <summary>What a power loss does to a Clusdb hive being flushed on NT4 SP4 (SP5 made the flush safe).</summary>
public enum HiveDamage
{
    None,
    ZeroBytes,
    Corrupt,
}
