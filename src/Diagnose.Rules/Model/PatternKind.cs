namespace Diagnose.Rules.Model;

/// <summary>How a pattern takes part in a match: binds a fact, requires that none matches, that one does, or binds an aggregate of the matching facts.</summary>
public enum PatternKind
{
    Match,
    Not,
    Exists,
    Aggregate,
}
