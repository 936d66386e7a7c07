using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Memory;

/// <summary>One session's facts that passed one alpha chain (<see cref="Network.AlphaMemoryNode"/>).</summary>
internal sealed class AlphaMemory
{
    public HashSet<Fact> Facts { get; } = [];

    /// <summary>Facts by the tick at which they may be forgotten (streaming only).</summary>
    public PriorityQueue<Fact, long>? Expiry { get; set; }
}
