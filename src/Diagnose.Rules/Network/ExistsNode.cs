using Diagnose.Rules.Engine;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Network;

/// <summary>Passes a partial match on once while at least one fact matches the pattern, however many do.</summary>
internal sealed class ExistsNode(RuleSession session, Rule rule, Pattern pattern, JoinSpec join) : BetaNode(session, rule, pattern, join)
{
    public override void LeftActivate(Token token)
    {
        StoreLeft(token);
        token.Count = RightCandidates(token).Count(f => Matches(token, f));
        if (token.Count > 0)
        {
            Emit(token, null, Pattern!.Slot, null);
        }
    }

    public override void RightActivate(Fact fact)
    {
        StoreRight(fact);
        foreach (var token in LeftCandidates(fact))
        {
            if (Matches(token, fact) && ++token.Count == 1)
            {
                Emit(token, null, Pattern!.Slot, null);
            }
        }
    }

    public override void RightRetract(Fact fact)
    {
        RemoveRight(fact);
        foreach (var token in LeftCandidates(fact))
        {
            if (Matches(token, fact) && --token.Count == 0)
            {
                RemoveChildren(token);
            }
        }
    }
}
