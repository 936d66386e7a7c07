using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>
/// An event that is neither evidence nor an article event, shown around the incident on the timeline: the
/// first of each provider and ID per node, which is what the engine keeps of the everyday events.
/// </summary>
public sealed class ContextEvent
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

    /// <summary>Windows level: 1 critical, 2 error, 3 warning, 4 information, 5 verbose, 0 unknown.</summary>
    public int Level { get; init; }

    /// <summary>Its time, UTC, ISO-8601.</summary>
    public string Time { get; init; } = "";

    /// <summary>The node that logged it.</summary>
    public string Node { get; init; } = "";
}
