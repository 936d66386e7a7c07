namespace Diagnose.Simulation.Validation;

/// <summary>The faults a fix plan is validated under.</summary>
public enum FaultKind
{
    /// <summary>One node loses power and boots again when power returns.</summary>
    NodePowerLoss,

    /// <summary>Every running node loses power at once, then boots again.</summary>
    ClusterPowerLoss,

    /// <summary>A group move fails half-way and the person repeats it.</summary>
    FailedMove,
}
