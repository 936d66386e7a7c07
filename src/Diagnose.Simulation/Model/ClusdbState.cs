namespace Diagnose.Simulation.Model;

/// <summary>State of a node's local cluster hive, <c>%SystemRoot%\Cluster\Clusdb</c>.</summary>
public enum ClusdbState
{
    Valid,
    Corrupt,
    ZeroBytes,
    Missing,
}
