namespace Diagnose.Rules.Model;

/// <summary>How a pattern takes part in a match: binds a fact, requires that none matches, or that one does.</summary>
public enum PatternKind
{
    Match,
    Not,
    Exists,
}
