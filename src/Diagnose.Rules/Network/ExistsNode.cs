using Diagnose.Rules.Facts;
using Diagnose.Rules.Memory;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Network;

/// <summary>Passes a partial match on once while at least one fact matches the pattern, however many do.</summary>
internal sealed class ExistsNode(int id, Rule rule, Pattern pattern, JoinSpec join) : BetaNode(id, rule, pattern, join)
{
    public override void LeftActivate(WorkingMemory memory, IActivationSink sink, Token token)
    {
        var beta = StoreLeft(memory, token);
        token.Count = beta.RightCandidates(token).Count(f => Matches(token, f));
        if (token.Count > 0)
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
                Emit(memory, sink, token, null, Pattern!.Slot, null);
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
                RemoveChildren(memory, sink, token);
            }
        }
    }
}
