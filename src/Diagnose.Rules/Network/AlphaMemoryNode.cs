using Diagnose.Rules.Facts;
using Diagnose.Rules.Memory;

namespace Diagnose.Rules.Network;

/// <summary>
/// The end of one chain of alpha tests, shared by every pattern with the same tests. The node is part of
/// the compiled network; the facts that reached it live in each session's <see cref="AlphaMemory"/>.
/// </summary>
internal sealed class AlphaMemoryNode
{
    public AlphaMemoryNode(int id, FactSchema schema, string description)
    {
        Id = id;
        Schema = schema;
        Description = description;
    }

    /// <summary>Index of this node's memory in a session's <see cref="WorkingMemory"/>.</summary>
    public int Id { get; }

    public FactSchema Schema { get; }

    /// <summary>The tests of the chain, for explanations.</summary>
    public string Description { get; }

    public List<BetaNode> Successors { get; } = [];

    /// <summary>When streaming, how long (ticks of the 'time' field) a fact must be kept; null keeps it for ever.</summary>
    public long? Retention { get; set; }

    /// <summary>Some rule using this memory has no bounded window, so its facts are never forgotten.</summary>
    public bool Forever { get; set; }

    public void Activate(WorkingMemory memory, IActivationSink sink, Fact fact)
    {
        if (memory.Alpha(this).Facts.Add(fact))
        {
            foreach (var s in Successors)
            {
                s.RightActivate(memory, sink, fact);
            }
        }
    }

    public void Retract(WorkingMemory memory, IActivationSink sink, Fact fact)
    {
        if (memory.Alpha(this).Facts.Remove(fact))
        {
            foreach (var s in Successors)
            {
                s.RightRetract(memory, sink, fact);
            }
        }
    }

    /// <summary>The fact left every window of this memory: forget it without changing any match (it was not retracted).</summary>
    public void Expire(WorkingMemory memory, Fact fact)
    {
        if (memory.Alpha(this).Facts.Remove(fact))
        {
            foreach (var s in Successors)
            {
                s.RightExpire(memory, fact);
            }
        }
    }
}
