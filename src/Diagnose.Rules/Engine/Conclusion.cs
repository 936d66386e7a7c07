using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Engine;

/// <summary>What a fired rule concluded, with the activation that proves it and its evidence facts by alias (role).</summary>
public sealed record Conclusion(ConclusionKind Kind, string Text, double Confidence, string? Plan, Activation Proof, IReadOnlyList<(string Role, Fact Fact)> Evidence, Fact? Subject)
{
    /// <summary>The rule that drew the conclusion (the rule of its <see cref="Proof"/>).</summary>
    public Rule Rule => Proof.Rule;
}
