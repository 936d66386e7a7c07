using Diagnose.Rules.Expressions;
using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Model;

/// <summary>Inserts a new fact computed from the match; it feeds back into the rules (chaining).</summary>
internal sealed record DeriveAction(FactSchema Schema, IReadOnlyList<(FactField Field, CompiledExpression Value)> Values) : RuleAction;
