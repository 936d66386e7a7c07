namespace Diagnose.Rules.Expressions;

internal enum TokenKind
{
    Number,
    Duration,
    String,
    Identifier,
    Operator,
    End,
}
