namespace Diagnose.Simulation.Model;

/// <summary>
/// A generic service whose registry key the cluster checkpoints (one per cluster): the node whose key holds the
/// "Restore in Progress" value an online restore writes, whether the restored database still needs its logs
/// replayed, and where the service runs.
/// </summary>
public sealed class CheckpointedServiceState
{
    /// <summary>The node whose service key holds "Restore in Progress", or null.</summary>
    public string? RestoreMarkerOn { get; set; }

    public bool NeedsReplay { get; set; }

    /// <summary>The node where the service runs, or null when stopped.</summary>
    public string? RunningOn { get; set; }

    public CheckpointedServiceState Clone() => (CheckpointedServiceState)MemberwiseClone();
}
