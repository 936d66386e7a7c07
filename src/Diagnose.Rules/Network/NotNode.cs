using Diagnose.Rules.Engine;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Network;

/// <summary>
/// Passes a partial match on only while no fact matches the negated pattern. Each token counts its
/// blockers, so a retraction that removes the last blocker lets the match through again.
/// </summary>
internal sealed class NotNode(RuleSession session, Rule rule, Pattern pattern, JoinSpec join) : BetaNode(session, rule, pattern, join)
{
    public override void LeftActivate(Token token)
    {
        StoreLeft(token);
        token.Count = RightCandidates(token).Count(f => Matches(token, f));
        if (token.Count == 0)
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
                RemoveChildren(token);
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
                Emit(token, null, Pattern!.Slot, null);
            }
        }
    }

    /// <summary>The first fact that blocks a token, for "why not" reports.</summary>
    public Fact? Blocker(Token token) => RightCandidates(token).FirstOrDefault(f => Matches(token, f));
}
