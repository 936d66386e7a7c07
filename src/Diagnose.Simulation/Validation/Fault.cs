namespace Diagnose.Simulation.Validation;

/// <summary>
/// A fault at step <see cref="Step"/> (an index into the bound steps): a power loss strikes once the step's
/// work is done; a failed move is the step's own move failing half-way (the person then repeats it).
/// </summary>
public sealed record Fault(int Step, FaultKind Kind, string? Node = null)
{
    /// <summary>True when the fault strikes during the step rather than after it (a failed move).</summary>
    public bool BeforeStep => Kind == FaultKind.FailedMove;

    /// <summary>The fault in words for a verdict (who loses power after which step), given the steps <see cref="Step"/> indexes.</summary>
    public string Describe(IReadOnlyList<BoundStep> steps)
    {
        var at = $"after step {steps[Step].Number} ({steps[Step].Operation})";
        return Kind switch
        {
            FaultKind.NodePowerLoss => $"{Node} loses power {at}, then boots again",
            FaultKind.ClusterPowerLoss => $"every running node loses power {at}, then boots again",
            _ => $"the move of step {steps[Step].Number} fails half-way and is repeated",
        };
    }
}
