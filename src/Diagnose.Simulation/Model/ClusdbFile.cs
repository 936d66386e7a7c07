namespace Diagnose.Simulation.Model;

/// <summary>A Clusdb hive: its state and the configuration version it holds (meaningful only when valid).</summary>
public readonly record struct ClusdbFile(ClusdbState State, int ConfigVersion)
{
    public bool Usable => State == ClusdbState.Valid;

    public static ClusdbFile Valid(int version) => new(ClusdbState.Valid, version);
}
