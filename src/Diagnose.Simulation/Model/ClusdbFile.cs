namespace Diagnose.Simulation.Model;

/// <summary>A Clusdb hive: its state and the configuration version it holds (meaningful only when valid).</summary>
public readonly record struct ClusdbFile(ClusdbState State, int ConfigVersion)
{
    /// <summary>True when the cluster service can load the hive: it is valid.</summary>
    public bool Usable => State == ClusdbState.Valid;

    /// <summary>A valid hive holding configuration <paramref name="version"/>.</summary>
    public static ClusdbFile Valid(int version) => new(ClusdbState.Valid, version);
}
