using Diagnose.Rules.Facts;
using Diagnose.Rules.Memory;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Network;

/// <summary>
/// A node of one rule's beta chain, for one pattern. It is part of the compiled network, built once per
/// rule set and shared by every session: it holds no state of its own. Each call gets the session's
/// <see cref="WorkingMemory"/>, where the node's <see cref="BetaMemory"/> keeps the partial matches that
/// reached it (left) and its alpha memory's facts (right), with the hash and range indexes that narrow each
/// join; and the session's <see cref="IActivationSink"/>, which takes the complete matches.
/// </summary>
internal abstract class BetaNode
{
    protected BetaNode(int id, Rule rule, Pattern? pattern, JoinSpec join)
    {
        Id = id;
        Rule = rule;
        Pattern = pattern;
        Join = join;
    }

    /// <summary>Index of this node's memory in a session's <see cref="WorkingMemory"/>.</summary>
    public int Id { get; }

    public Rule Rule { get; }

    /// <summary>The pattern this node matches (null for the terminal node).</summary>
    public Pattern? Pattern { get; }

    public JoinSpec Join { get; }

    public BetaNode? Next { get; set; }

    public AlphaMemoryNode? Alpha { get; set; }

    public abstract void LeftActivate(WorkingMemory memory, IActivationSink sink, Token token);

    public virtual void LeftRetract(WorkingMemory memory, IActivationSink sink, Token token) => memory.Beta(this).RemoveLeft(token);

    public abstract void RightActivate(WorkingMemory memory, IActivationSink sink, Fact fact);

    public abstract void RightRetract(WorkingMemory memory, IActivationSink sink, Fact fact);

    /// <summary>The fact left the window: forget it without changing any match (it was not retracted).</summary>
    public virtual void RightExpire(WorkingMemory memory, Fact fact) => memory.Beta(this).RemoveRight(fact);

    /// <summary>Puts the token in this node's left memory and returns that memory.</summary>
    protected BetaMemory StoreLeft(WorkingMemory memory, Token token)
    {
        token.Node = this;
        var beta = memory.Beta(this);
        beta.StoreLeft(token);
        return beta;
    }

    /// <summary>The join test on a token and a right fact.</summary>
    protected bool Matches(Token token, Fact fact)
    {
        if (Join.Test is null)
        {
            return true;
        }

        // The token's row is the session's own: it is borrowed for the test and restored.
        var slot = Pattern!.Slot;
        token.Facts[slot] = fact;
        try
        {
            return Join.Test(token.Facts);
        }
        finally
        {
            token.Facts[slot] = null;
        }
    }

    /// <summary>Passes a new partial match on to the next node.</summary>
    protected void Emit(WorkingMemory memory, IActivationSink sink, Token parent, Fact? joined, int slot, Fact? bound)
    {
        var child = parent.Extend(slot, joined, bound);
        Next!.LeftActivate(memory, sink, child);
    }

    protected static void RemoveChildren(WorkingMemory memory, IActivationSink sink, Token token)
    {
        if (token.Children is { } children)
        {
            foreach (var child in children.ToArray())
            {
                child.Remove(memory, sink);
            }
        }
    }
}
