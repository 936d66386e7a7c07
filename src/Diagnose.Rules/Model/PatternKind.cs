namespace Diagnose.Rules.Model;

/// <summary>How a pattern takes part in a match: binds a fact, requires that none matches, that one does, or binds an aggregate of the matching facts.</summary>
public enum PatternKind
{
    /// <summary>Binds each fact that matches to the pattern's slot.</summary>
    Match,
    /// <summary>Holds while no fact matches; binds nothing.</summary>
    Not,
    /// <summary>Holds while at least one fact matches; binds nothing, and the match counts once however many do.</summary>
    Exists,
    /// <summary>Collects the matching facts into one result fact, bound to the aggregate's <c>into</c> alias.</summary>
    Aggregate,
}
