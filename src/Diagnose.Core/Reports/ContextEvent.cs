using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>
/// An event that is neither evidence nor an article event, shown around the incident on the timeline: the
/// first of each provider and ID per node, which is what the engine keeps of the everyday events.
/// </summary>
public sealed class ContextEvent
{
    public required string Source { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public long? Record { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public int? Line { get; init; }

    public int EventId { get; init; }

    public required string Provider { get; init; }

    /// <summary>Windows level: 1 critical, 2 error, 3 warning, 4 information, 5 verbose, 0 unknown.</summary>
    public int Level { get; init; }

    public string Time { get; init; } = "";

    public string Node { get; init; } = "";
}
