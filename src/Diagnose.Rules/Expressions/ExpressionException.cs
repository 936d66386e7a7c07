namespace Diagnose.Rules.Expressions;

/// <summary>A problem in an expression, at a character position of its text (0-based).</summary>
internal sealed class ExpressionException : Exception
{
    public ExpressionException(string message, int position)
        : base(message) => Position = position;

    public int Position { get; }
}
