using Diagnose.Rules.Facts;
using Diagnose.Rules.Memory;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Network;

/// <summary>The end of a rule's chain: each complete match goes to the session's activation sink; a removed match withdraws it.</summary>
internal sealed class TerminalNode(int id, Rule rule, int order) : BetaNode(id, rule, null, JoinSpec.None)
{
    /// <summary>The rule's position in the rule set (agenda tie-break).</summary>
    public int Order { get; } = order;

    public override void LeftActivate(WorkingMemory memory, IActivationSink sink, Token token)
    {
        StoreLeft(memory, token);
        token.Activation = sink.Activate(this, token);
    }

    public override void LeftRetract(WorkingMemory memory, IActivationSink sink, Token token)
    {
        memory.Beta(this).RemoveLeft(token);
        if (token.Activation is { } activation)
        {
            sink.Deactivate(activation);
        }
    }

    public override void RightActivate(WorkingMemory memory, IActivationSink sink, Fact fact) => throw new InvalidOperationException("a terminal node has no right input");

    public override void RightRetract(WorkingMemory memory, IActivationSink sink, Fact fact) => throw new InvalidOperationException("a terminal node has no right input");
}
