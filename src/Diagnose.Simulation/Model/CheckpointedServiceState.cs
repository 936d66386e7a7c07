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

    /// <summary>True after an online restore until the service replays its logs, which it does only on the node holding the restore marker.</summary>
    public bool NeedsReplay { get; set; }

    /// <summary>The node where the service runs, or null when stopped.</summary>
    public string? RunningOn { get; set; }

    /// <summary>A copy, for a run that must not change this one.</summary>
    public CheckpointedServiceState Clone() => (CheckpointedServiceState)MemberwiseClone();
}
