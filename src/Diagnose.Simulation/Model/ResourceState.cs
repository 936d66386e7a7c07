namespace Diagnose.Simulation.Model;

/// <summary>A cluster resource's state, as Cluster Administrator shows it.</summary>
public enum ResourceState
{
    /// <summary>Not running: never brought online, or taken offline.</summary>
    Offline,
    /// <summary>Running on its group's owner.</summary>
    Online,
    /// <summary>Could not come online on the node that last tried it.</summary>
    Failed,
}
