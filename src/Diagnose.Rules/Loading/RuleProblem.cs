namespace Diagnose.Rules.Loading;

/// <summary>A problem in a rule or schema file, at a line and column (1-based).</summary>
public sealed record RuleProblem(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): {Message}";
}
