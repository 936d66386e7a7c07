namespace Diagnose.Core.Inputs;

/// <summary>
/// A problem met while reading one input: what was wrong and exactly where (byte offset, or line and column).
/// </summary>
public sealed record InputProblem(string Message, long? Offset = null, int? Line = null, int? Column = null)
{
    /// <summary>The position as a person reads it: "line 12, column 4" or "offset 0x1F00".</summary>
    public string Where =>
        Line is int l ? (Column is int c ? $"line {l}, column {c}" : $"line {l}")
        : Offset is long o ? $"offset {o} (0x{o:X})"
        : "whole input";

    public override string ToString() => $"{Where}: {Message}";
}
