using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>
/// A cross-node order the diagnosis rests on (a rule's <c>order</c> entry), weighed against the nodes' clocks:
/// outcome <c>holds</c>, <c>unmeasured</c> (in order as the logs read; nothing measures the clocks),
/// <c>ambiguous</c> (within the clocks' uncertainty: the confidence was lowered) or <c>reversed</c>.
/// </summary>
public sealed class OrderReport
{
    /// <summary>The order claimed, from the rule.</summary>
    public required string Description { get; init; }

    /// <summary>The event that should come first.</summary>
    public required string Before { get; init; }

    /// <summary>The event that should come later.</summary>
    public required string After { get; init; }

    /// <summary>Seconds from the earlier to the later event, on corrected clocks.</summary>
    public double Margin { get; init; }

    /// <summary>± seconds the two clocks may disagree by; null when unmeasured.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public double? Tolerance { get; init; }

    /// <c>holds</c>, <c>unmeasured</c>, <c>ambiguous</c> or <c>reversed</c>.
    public required string Outcome { get; init; }

    /// <summary>True when the logs as read would give another outcome: the conclusion depended on the clock correction.</summary>
    public bool DependsOnClockCorrection { get; init; }

    /// <summary>The outcome in a sentence.</summary>
    public required string Text { get; init; }
}
