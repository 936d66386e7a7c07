namespace Diagnose.Rules.Model;

/// <summary>What a conclusion says: a root cause was found, or an event is harmless in its context.</summary>
public enum ConclusionKind
{
    /// <summary>A root cause, from a <c>diagnose</c> action; it can carry a fix plan.</summary>
    Diagnosis,
    /// <summary>The events are expected in their context and need no fix.</summary>
    Benign,
}
