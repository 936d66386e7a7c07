using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>An event listed as benign or unexplained, with the reason (and the rule, for benign ones).</summary>
public sealed class EventReference
{
    /// <summary>The input the event was read from.</summary>
    public required string Source { get; init; }

    /// <summary>Its record number in the source, or null where the format has none.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public long? Record { get; init; }

    /// <summary>Its line in a text source, where there is one.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public int? Line { get; init; }

    /// <summary>The event ID.</summary>
    public int EventId { get; init; }

    /// <summary>The provider (source) name.</summary>
    public required string Provider { get; init; }

    /// <summary>Its time, UTC, ISO-8601.</summary>
    public string Time { get; init; } = "";

    /// <summary>The node that logged it.</summary>
    public string Node { get; init; } = "";

    /// <summary>Why it is benign, or why nothing explained it.</summary>
    public required string Reason { get; init; }

    /// <summary>For a benign event, the rule that recognised it.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Rule { get; init; }

    /// <summary>For a benign event, the rule's article.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Kb { get; init; }
}
