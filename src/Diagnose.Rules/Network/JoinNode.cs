using Diagnose.Rules.Engine;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Network;

/// <summary>Binds one fact per partial match: every (token, fact) pair that passes the join becomes a longer match.</summary>
internal sealed class JoinNode(RuleSession session, Rule rule, Pattern pattern, JoinSpec join) : BetaNode(session, rule, pattern, join)
{
    public override void LeftActivate(Token token)
    {
        StoreLeft(token);
        foreach (var fact in RightCandidates(token).ToList())
        {
            if (Matches(token, fact))
            {
                Emit(token, fact, Pattern!.Slot, fact);
            }
        }
    }

    public override void RightActivate(Fact fact)
    {
        StoreRight(fact);
        foreach (var token in LeftCandidates(fact))
        {
            if (Matches(token, fact))
            {
                Emit(token, fact, Pattern!.Slot, fact);
            }
        }
    }

    // The tokens built on the fact were removed with it (Fact.Tokens); only the index entry remains.
    public override void RightRetract(Fact fact) => RemoveRight(fact);
}
