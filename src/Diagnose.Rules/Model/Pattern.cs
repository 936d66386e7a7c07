using Diagnose.Rules.Expressions;
using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Model;

/// <summary>
/// One <c>when</c> entry of a rule: a fact type, the alias that names the bound fact, the slot it takes
/// in a match, and a condition over this fact and the facts bound before it. <see cref="Scope"/> is the
/// scope the condition was compiled in, so the network can split it into alpha tests and join tests.
/// </summary>
public sealed record Pattern(PatternKind Kind, string Alias, FactSchema Schema, int Slot, CompiledExpression? Condition)
{
    /// <summary>The aliases visible to <see cref="Condition"/> (this pattern's alias and those bound before it).</summary>
    public AliasScope Scope { get; init; } = new AliasScope().With(Alias, Slot, Schema);

    /// <summary>For an <c>aggregate</c> pattern: the alias and slot of the result and its <c>having</c> test.</summary>
    public AggregateSpec? Aggregate { get; init; }

    /// <summary>The alias later patterns and actions see: the fact's alias, or the aggregate's <c>into</c>.</summary>
    public string BoundAlias => Aggregate?.Into ?? Alias;

    /// <summary>The slot of a match that holds what this pattern binds (null for <c>not</c> and <c>exists</c>).</summary>
    public int BoundSlot => Aggregate?.Slot ?? Slot;

    /// <summary>True when the pattern has no condition or its condition holds for <paramref name="match"/>.</summary>
    public bool Accepts(Fact?[] match) => Condition is null || Condition.IsTrue(match);
}
