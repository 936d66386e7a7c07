namespace Diagnose.Simulation.Model;

/// <summary>State of a node's local cluster hive, <c>%SystemRoot%\Cluster\Clusdb</c>.</summary>
public enum ClusdbState
{
    /// <summary>A hive the cluster service can load.</summary>
    Valid,
    /// <summary>A damaged hive the cluster service cannot load.</summary>
    Corrupt,
    /// <summary>The file exists but is zero bytes long.</summary>
    ZeroBytes,
    /// <summary>There is no Clusdb file.</summary>
    Missing,
}
