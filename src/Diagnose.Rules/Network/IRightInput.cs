using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Network;

/// <summary>A beta node fed by an alpha memory.</summary>
internal interface IRightInput
{
    void RightActivate(Fact fact);

    void RightRetract(Fact fact);

    /// <summary>The fact left the window: forget it without changing any match (it was not retracted).</summary>
    void RightExpire(Fact fact);
}
