namespace Diagnose.Rules.Loading;

/// <summary>A problem in a rule or schema file, at a line and column (1-based).</summary>
public sealed record RuleProblem(string File, int Line, int Column, string Message)
{
    /// <summary>The problem as compilers write one: <c>file(line,column): message</c>.</summary>
    public override string ToString() => $"{File}({Line},{Column}): {Message}";
}
