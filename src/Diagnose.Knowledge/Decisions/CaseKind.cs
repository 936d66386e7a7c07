namespace Diagnose.Knowledge.Decisions;

/// <summary>The three inputs every decision-table row is tested with.</summary>
public enum CaseKind
{
    /// <summary>The situation as the row defines it.</summary>
    Positive,

    /// <summary>One deciding input differs, so the row must not conclude.</summary>
    NearMiss,

    /// <summary>The row's premises hold but another input contradicts them: the candidate is ruled out.</summary>
    Contradicting,
}
