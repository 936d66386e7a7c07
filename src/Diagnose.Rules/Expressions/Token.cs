namespace Diagnose.Rules.Expressions;

/// <summary>One lexical token and where it starts in the expression text (0-based).</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, object? Value = null)
{
    public bool Is(string text) => (Kind is TokenKind.Operator or TokenKind.Identifier) && string.Equals(Text, text, StringComparison.OrdinalIgnoreCase);
}
