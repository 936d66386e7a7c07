namespace Diagnose.Rules.Facts;

/// <summary>A line of a facts file that could not be read: file, line, column (byte in the line, from 1) and what was expected.</summary>
public sealed record FactProblem(string File, long Line, int Column, string Message)
{
    /// <summary>The problem as compilers write one: <c>file(line,column): message</c>.</summary>
    public override string ToString() => $"{File}({Line},{Column}): {Message}";
}
