using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Network;

/// <summary>
/// A compiled network, built once per rule set by <see cref="ReteBuilder"/> and never changed afterwards:
/// alpha roots by fact type, each rule's beta chain (its patterns' nodes, then the terminal), and what the
/// rules' windows let a streaming session forget. Sessions keep their facts and partial matches in their
/// own working memory, so any number of them may use one network at once.
/// </summary>
internal sealed class ReteNetwork
{
    public ReteNetwork(RuleSet rules)
    {
        Rules = rules;
    }

    public RuleSet Rules { get; }

    public Dictionary<FactSchema, AlphaNode> AlphaRoots { get; } = [];

    public Dictionary<string, List<BetaNode>> Chains { get; } = new(StringComparer.Ordinal);

    /// <summary>The first node of each rule's chain; a session starts each with an empty match.</summary>
    public List<BetaNode> Heads { get; } = [];

    /// <summary>Every alpha memory node, in the order the rules first use them.</summary>
    public List<AlphaMemoryNode> Memories { get; } = [];

    public int BetaNodeCount { get; set; }

    public int AlphaMemoryCount => Memories.Count;

    /// <summary>The rules' spans and waits when facts stream in time order.</summary>
    public WindowAnalysis Windows { get; set; } = null!;

    /// <summary>The memories whose facts a streaming session may forget (their rules all have bounded windows).</summary>
    public AlphaMemoryNode[] Expiring { get; set; } = [];
}
