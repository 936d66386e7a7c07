namespace Diagnose.Rules.Model;

/// <summary>
/// An <c>unless</c> entry: when a fact matches <see cref="Pattern"/> together with the rule's match, the rule's
/// conclusion is ruled out, and <see cref="Reason"/> (rendered over the match and the contradicting fact) says why.
/// </summary>
public sealed record ContradictingPattern(EvidencePattern Pattern, TextTemplate Reason);
