namespace Diagnose.Simulation.Cluster;

/// <summary>What a power loss does to a Clusdb hive it can damage (Q217147 Symptoms: zero bytes, or otherwise corrupted).</summary>
public enum HiveDamage
{
    None,
    ZeroBytes,
    Corrupt,
}
