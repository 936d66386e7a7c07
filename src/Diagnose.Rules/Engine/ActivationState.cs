namespace Diagnose.Rules.Engine;

/// <summary>Where an activation is in its life.</summary>
public enum ActivationState
{
    /// <summary>On the agenda, waiting to fire.</summary>
    Pending,
    /// <summary>Its actions have run.</summary>
    Fired,
    /// <summary>
    /// Its match went away, before it fired or after (a fact it rested on was retracted): its conclusions are removed,
    /// and a fact it derived goes unless another match still supports it.
    /// </summary>
    Withdrawn,
}
