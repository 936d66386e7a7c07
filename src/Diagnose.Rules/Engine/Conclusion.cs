using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Engine;

/// <summary>What a fired rule concluded, with the activation that proves it.</summary>
public sealed record Conclusion(ConclusionKind Kind, string Text, double Confidence, string? Plan, Activation Proof, IReadOnlyList<Fact> Evidence, Fact? Subject)
{
    public Rule Rule => Proof.Rule;
}
