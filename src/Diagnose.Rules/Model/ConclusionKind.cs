namespace Diagnose.Rules.Model;

/// <summary>What a conclusion says: a root cause was found, or an event is harmless in its context.</summary>
public enum ConclusionKind
{
    Diagnosis,
    Benign,
}
