using Diagnose.Rules.Facts;
using Diagnose.Rules.Memory;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Network;

/// <summary>Binds one fact per partial match: every (token, fact) pair that passes the join becomes a longer match.</summary>
internal sealed class JoinNode(int id, Rule rule, Pattern pattern, JoinSpec join) : BetaNode(id, rule, pattern, join)
{
    public override void LeftActivate(WorkingMemory memory, IActivationSink sink, Token token)
    {
        var beta = StoreLeft(memory, token);
        foreach (var fact in beta.RightCandidates(token).ToList())
        {
            if (Matches(token, fact))
            {
                Emit(memory, sink, token, fact, Pattern!.Slot, fact);
            }
        }
    }

    public override void RightActivate(WorkingMemory memory, IActivationSink sink, Fact fact)
    {
        var beta = memory.Beta(this);
        beta.StoreRight(fact);
        foreach (var token in beta.LeftCandidates(fact))
        {
            if (Matches(token, fact))
            {
                Emit(memory, sink, token, fact, Pattern!.Slot, fact);
            }
        }
    }

    // The tokens built on the fact were removed with it (Fact.Tokens); only the index entry remains.
    public override void RightRetract(WorkingMemory memory, IActivationSink sink, Fact fact) => memory.Beta(this).RemoveRight(fact);
}
