namespace Diagnose.Rules.Facts;

/// <summary>The origin of a fact read from a facts file: the file and its line.</summary>
internal sealed record FactLine(string File, long Line)
{
    public override string ToString() => $"{File}:{Line}";
}
