namespace Diagnose.Rules.Expressions;

/// <summary>A node of a parsed expression; <c>Position</c> is where it starts in the text, for error messages.</summary>
public abstract record ExprNode(int Position);

/// <summary>A constant: number, duration, string, bool or null.</summary>
internal sealed record LiteralNode(int Position, object? Value) : ExprNode(Position);

/// <summary><c>alias.field</c>: a field of the fact bound to a pattern alias.</summary>
internal sealed record FieldNode(int Position, string Alias, string Field) : ExprNode(Position);

/// <summary><c>!x</c> or <c>-x</c>.</summary>
internal sealed record UnaryNode(int Position, string Operator, ExprNode Operand) : ExprNode(Position);

/// <summary>Arithmetic, comparison, logic and string operators (<c>matches</c>, <c>contains</c>, <c>startswith</c>, <c>endswith</c>).</summary>
internal sealed record BinaryNode(int Position, string Operator, ExprNode Left, ExprNode Right) : ExprNode(Position);

/// <summary><c>x in [a, b]</c> or <c>x not in [a, b]</c>.</summary>
internal sealed record InNode(int Position, ExprNode Value, IReadOnlyList<ExprNode> Items, bool Negated) : ExprNode(Position);

/// <summary><c>x is null</c> or <c>x is not null</c>.</summary>
internal sealed record IsNullNode(int Position, ExprNode Operand, bool Negated) : ExprNode(Position);
