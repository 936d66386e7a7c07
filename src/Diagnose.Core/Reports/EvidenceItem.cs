using Diagnose.Core.Records;
using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>
/// One piece of evidence: either an event (source file, record number, event id, provider, time, node)
/// or a snapshot observation (source file, fact, value, node). <c>Role</c> says which rule pattern it matched.
/// </summary>
public sealed class EvidenceItem
{
    public required string Source { get; init; }

    /// <summary>Record number in the source, or null for pasted text and snapshot observations.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public long? Record { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public int? Line { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public int? EventId { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Provider { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Time { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Fact { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Value { get; init; }

    public string Node { get; init; } = "";

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Role { get; init; }

    /// <summary>The event's insertion strings (named where the format names them), from which its fact was read.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<EventDataItem>? Data { get; init; }
}
