using Diagnose.Rules.Facts;
using Diagnose.Rules.Memory;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Network;

/// <summary>
/// Passes a partial match on only while no fact matches the negated pattern. Each token counts its
/// blockers, so a retraction that removes the last blocker lets the match through again.
/// </summary>
internal sealed class NotNode(int id, Rule rule, Pattern pattern, JoinSpec join) : BetaNode(id, rule, pattern, join)
{
    public override void LeftActivate(WorkingMemory memory, IActivationSink sink, Token token)
    {
        var beta = StoreLeft(memory, token);
        token.Count = beta.RightCandidates(token).Count(f => Matches(token, f));
        if (token.Count == 0)
        {
            Emit(memory, sink, token, null, Pattern!.Slot, null);
        }
    }

    public override void RightActivate(WorkingMemory memory, IActivationSink sink, Fact fact)
    {
        var beta = memory.Beta(this);
        beta.StoreRight(fact);
        foreach (var token in beta.LeftCandidates(fact))
        {
            if (Matches(token, fact) && ++token.Count == 1)
            {
                RemoveChildren(memory, sink, token);
            }
        }
    }

    public override void RightRetract(WorkingMemory memory, IActivationSink sink, Fact fact)
    {
        var beta = memory.Beta(this);
        beta.RemoveRight(fact);
        foreach (var token in beta.LeftCandidates(fact))
        {
            if (Matches(token, fact) && --token.Count == 0)
            {
                Emit(memory, sink, token, null, Pattern!.Slot, null);
            }
        }
    }

    /// <summary>The first fact that blocks a token, for "why not" reports.</summary>
    public Fact? Blocker(WorkingMemory memory, Token token) => memory.Beta(this).RightCandidates(token).FirstOrDefault(f => Matches(token, f));
}
