using Diagnose.Rules.Expressions;
using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Model;

/// <summary>
/// A pattern checked after a rule's <c>when</c> matched (an <c>unless</c> or <c>corroborate</c> entry): a fact type,
/// its alias and a condition that may read the <c>when</c> aliases. In a match the fact takes the slot after the
/// rule's own slots (<see cref="Slot"/>).
/// </summary>
public sealed record EvidencePattern(string Alias, FactSchema Schema, int Slot, CompiledExpression? Condition)
{
    /// <summary>True when <paramref name="match"/> (the rule's match with the candidate in <see cref="Slot"/>) passes the condition.</summary>
    public bool Accepts(Fact?[] match) => Condition is null || Condition.IsTrue(match);
}
