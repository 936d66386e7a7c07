using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>One node's clock in the report's <c>clock</c> section.</summary>
public sealed class NodeClockReport
{
    /// <summary>The node's name.</summary>
    public required string Node { get; init; }

    /// <summary>
    /// Where its times' zone came from: <c>log</c> (the format records UTC: EVTX, EVT, XML, JSON, traces), <c>given</c>
    /// (<c>--utc-offset</c>) or <c>assumed</c> (CSV or pasted text with no offset given: taken as UTC).
    /// </summary>
    public required string Source { get; init; }

    /// <summary>The offset applied to its zone-less times (<c>+02:00</c>); <c>+00:00</c> when assumed; null for times the log gives in UTC.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Offset { get; init; }

    /// <summary>Estimated seconds its clock reads ahead of the reference node's (negative: behind); null when not estimated.</summary>
    public double? Skew { get; init; }

    /// <summary>± seconds around <see cref="Skew"/>; null when not estimated.</summary>
    public double? Uncertainty { get; init; }

    /// <summary>True when its facts' times were corrected by the estimated skew before the rules ran (the skew exceeds its uncertainty).</summary>
    public bool Corrected { get; init; }
}
