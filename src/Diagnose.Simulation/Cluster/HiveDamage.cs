namespace Diagnose.Simulation.Cluster;

/// <summary>What a power loss does to a Clusdb hive it can damage (Q217147 Symptoms: zero bytes, or otherwise corrupted).</summary>
public enum HiveDamage
{
    /// <summary>The hive survives intact.</summary>
    None,
    /// <summary>The hive is left zero bytes long.</summary>
    ZeroBytes,
    /// <summary>The hive is left corrupted.</summary>
    Corrupt,
}
