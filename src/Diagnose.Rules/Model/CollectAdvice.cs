using Diagnose.Rules.Expressions;

namespace Diagnose.Rules.Model;

/// <summary>
/// What to collect when a corroboration is absent: a sentence over the rule's match, and optionally the log
/// (channel) that would hold it and an expression over the match naming the node to collect it from.
/// </summary>
public sealed record CollectAdvice(TextTemplate What, string? Log, CompiledExpression? Node);
