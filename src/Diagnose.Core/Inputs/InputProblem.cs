namespace Diagnose.Core.Inputs;

/// <summary>
/// A problem met while reading one input: what was wrong and exactly where (byte offset, or line and column).
/// </summary>
public sealed record InputProblem(string Message, long? Offset = null, int? Line = null, int? Column = null)
{
    /// <summary>The problem as people read it, with its position first (see <see cref="Describe"/>).</summary>
    public override string ToString() => Describe(Message, Offset, Line, Column);

    /// <summary>
    /// The one wording of a problem with its position, as people read it: "line 12, column 4: …",
    /// "offset 7936 (0x1F00): …", or the message alone when it concerns the whole input.
    /// </summary>
    public static string Describe(string message, long? offset, int? line, int? column)
    {
        var where = line is int l ? (column is int c ? $"line {l}, column {c}" : $"line {l}")
            : offset is long o ? $"offset {o} (0x{o:X})"
            : null;
        return where is null ? message : $"{where}: {message}";
    }
}
