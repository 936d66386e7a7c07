using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Expressions;

/// <summary>An expression checked against the fact schemas and compiled once to a delegate over a match's facts.</summary>
public sealed record CompiledExpression(ExprNode Node, FieldType Type, Func<Fact?[], object?> Evaluate)
{
    /// <summary>Evaluates a condition: only a true result is true (null and false are not).</summary>
    public bool IsTrue(Fact?[] match) => Evaluate(match) is true;
}
