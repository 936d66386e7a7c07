namespace Diagnose.Rules.Engine;

/// <summary>Where an activation is in its life.</summary>
public enum ActivationState
{
    Pending,
    Fired,
    Withdrawn,
}
