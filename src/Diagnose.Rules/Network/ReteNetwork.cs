using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Network;

/// <summary>A compiled network: alpha roots by fact type, each rule's beta chain (its patterns' nodes, then the terminal) and their root tokens.</summary>
internal sealed class ReteNetwork
{
    public Dictionary<FactSchema, AlphaNode> AlphaRoots { get; } = [];

    public Dictionary<string, List<BetaNode>> Chains { get; } = new(StringComparer.Ordinal);

    public List<(BetaNode First, Token Root)> Roots { get; } = [];

    public IEnumerable<AlphaMemory> Memories => Chains.Values.SelectMany(c => c).Select(n => n.Alpha).OfType<AlphaMemory>().Distinct();
}
