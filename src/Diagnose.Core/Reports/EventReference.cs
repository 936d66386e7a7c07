using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>An event listed as benign or unexplained, with the reason (and the rule, for benign ones).</summary>
public sealed class EventReference
{
    public required string Source { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public long? Record { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public int? Line { get; init; }

    public int EventId { get; init; }

    public required string Provider { get; init; }

    public string Time { get; init; } = "";

    public string Node { get; init; } = "";

    public required string Reason { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Rule { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Kb { get; init; }
}
