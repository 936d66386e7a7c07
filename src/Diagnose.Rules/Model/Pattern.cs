using Diagnose.Rules.Expressions;
using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Model;

/// <summary>
/// One <c>when</c> entry of a rule: a fact type, the alias that names the bound fact, the slot it takes
/// in a match, and a condition over this fact and the facts bound before it.
/// </summary>
public sealed record Pattern(PatternKind Kind, string Alias, FactSchema Schema, int Slot, CompiledExpression? Condition)
{
    public bool Accepts(Fact?[] match) => Condition is null || Condition.IsTrue(match);
}
