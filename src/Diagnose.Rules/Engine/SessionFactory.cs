using Diagnose.Rules.Model;
using Diagnose.Rules.Network;

namespace Diagnose.Rules.Engine;

/// <summary>
/// A rule set compiled once into its Rete network. The network holds no facts: every
/// <see cref="CreateSession"/> gets its own working memory, agenda and clock on the shared network, so
/// creating a session costs no compilation, and sessions may run on different threads at the same time.
/// </summary>
public sealed class SessionFactory
{
    private SessionFactory(ReteNetwork network)
    {
        Network = network;
    }

    /// <summary>The rules the network was built from.</summary>
    public RuleSet Rules => Network.Rules;

    internal ReteNetwork Network { get; }

    /// <summary>Builds the network of a rule set (alpha tests, joins and their indexes, time windows).</summary>
    public static SessionFactory Compile(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new SessionFactory(ReteBuilder.Build(rules));
    }

    /// <summary>A new, empty session on the shared network.</summary>
    public RuleSession CreateSession() => new(Network);
}
