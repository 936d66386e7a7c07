using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Network;

/// <summary>The facts that passed one chain of alpha tests; shared by every pattern with the same tests.</summary>
internal sealed class AlphaMemory
{
    public AlphaMemory(FactSchema schema, string description)
    {
        Schema = schema;
        Description = description;
    }

    public FactSchema Schema { get; }

    /// <summary>The tests of the chain, for explanations.</summary>
    public string Description { get; }

    public HashSet<Fact> Facts { get; } = [];

    public List<IRightInput> Successors { get; } = [];

    /// <summary>How long (ticks of the 'time' field) a fact must be kept; null keeps it for ever.</summary>
    public long? Retention { get; set; }

    /// <summary>Some rule using this memory has no bounded window, so its facts are never forgotten.</summary>
    public bool Forever { get; set; }

    /// <summary>Facts by the tick at which they may be forgotten (streaming only).</summary>
    public PriorityQueue<Fact, long>? Expiry { get; set; }

    public void Activate(Fact fact)
    {
        if (Facts.Add(fact))
        {
            foreach (var s in Successors)
            {
                s.RightActivate(fact);
            }
        }
    }

    public void Retract(Fact fact)
    {
        if (Facts.Remove(fact))
        {
            foreach (var s in Successors)
            {
                s.RightRetract(fact);
            }
        }
    }

    public void Expire(Fact fact)
    {
        if (Facts.Remove(fact))
        {
            foreach (var s in Successors)
            {
                s.RightExpire(fact);
            }
        }
    }
}
