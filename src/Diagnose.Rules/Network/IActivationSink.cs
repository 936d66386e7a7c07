using Diagnose.Rules.Engine;

namespace Diagnose.Rules.Network;

/// <summary>Where a rule's terminal node sends complete matches: the session decides when each may fire.</summary>
internal interface IActivationSink
{
    /// <summary>A new complete match of the node's rule.</summary>
    Activation Activate(TerminalNode node, Token token);

    /// <summary>The match went away (a fact was retracted or a <c>not</c> became blocked).</summary>
    void Deactivate(Activation activation);
}
