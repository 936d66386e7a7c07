using Diagnose.Rules.Engine;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Network;

/// <summary>The end of a rule's chain: each complete match becomes an activation on the agenda; a removed match withdraws it.</summary>
internal sealed class TerminalNode(RuleSession session, Rule rule, int order) : BetaNode(session, rule, null, JoinSpec.None)
{
    public int Order { get; } = order;

    public override void LeftActivate(Token token)
    {
        StoreLeft(token);
        token.Activation = Session.Activate(this, token);
    }

    public override void LeftRetract(Token token)
    {
        RemoveLeft(token);
        if (token.Activation is { } activation)
        {
            Session.Deactivate(activation);
        }
    }

    public override void RightActivate(Fact fact) => throw new InvalidOperationException("a terminal node has no right input");

    public override void RightRetract(Fact fact) => throw new InvalidOperationException("a terminal node has no right input");
}
