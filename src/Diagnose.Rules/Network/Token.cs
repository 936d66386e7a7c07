using Diagnose.Rules.Facts;
using Diagnose.Rules.Memory;

namespace Diagnose.Rules.Network;

/// <summary>
/// A partial match: the facts bound so far, by slot. Tokens form a tree (each extends its parent by one
/// pattern) so that removing a fact or a parent removes everything built on it. Tokens belong to one
/// session; the nodes they sit in are shared.
/// </summary>
internal sealed class Token
{
    public Token(Fact?[] facts, Token? parent, Fact? fact)
    {
        Facts = facts;
        Parent = parent;
        Fact = fact;
    }

    public Fact?[] Facts { get; }

    public Token? Parent { get; }

    /// <summary>The fact a join added (null for the root token and below <c>not</c>/<c>exists</c>).</summary>
    public Fact? Fact { get; }

    /// <summary>The node whose left memory holds this token.</summary>
    public BetaNode? Node { get; set; }

    /// <summary>The index key of this token in its node's left memory.</summary>
    public object? Key { get; set; }

    public List<Token>? Children { get; set; }

    /// <summary>For <c>not</c>/<c>exists</c>: how many right facts match; for <c>aggregate</c>: the members.</summary>
    public int Count { get; set; }

    public List<Fact>? Members { get; set; }

    /// <summary>For a terminal token: its activation.</summary>
    public Engine.Activation? Activation { get; set; }

    public Token Extend(int slot, Fact? fact, Fact? bound)
    {
        var facts = (Fact?[])Facts.Clone();
        if (bound is not null)
        {
            facts[slot] = bound;
        }

        var child = new Token(facts, this, fact);
        (Children ??= []).Add(child);
        if (fact is not null)
        {
            (fact.Tokens ??= []).Add(child);
        }

        return child;
    }

    /// <summary>Removes this token and everything built on it from the session's node memories.</summary>
    public void Remove(WorkingMemory memory, IActivationSink sink)
    {
        Parent?.Children?.Remove(this);
        Fact?.Tokens?.Remove(this);
        RemoveTree(memory, sink);
    }

    private void RemoveTree(WorkingMemory memory, IActivationSink sink)
    {
        Node?.LeftRetract(memory, sink, this);
        if (Children is { } children)
        {
            Children = null;
            foreach (var child in children)
            {
                child.Fact?.Tokens?.Remove(child);
                child.RemoveTree(memory, sink);
            }
        }
    }
}
