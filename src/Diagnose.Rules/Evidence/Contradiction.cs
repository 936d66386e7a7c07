using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Evidence;

/// <summary>Why a conclusion was ruled out: the <c>unless</c> entry that matched (null when an <c>order</c> entry was reversed beyond the clocks' uncertainty), its reason rendered, and the facts that matched it.</summary>
public sealed record Contradiction(ContradictingPattern? Pattern, string Reason, IReadOnlyList<Fact> By);
