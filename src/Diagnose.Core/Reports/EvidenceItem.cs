using Diagnose.Core.Records;
using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>
/// One piece of evidence: either an event (source file, record number, event id, provider, time, node)
/// or a snapshot observation (source file, fact, value, node). <c>Role</c> says which rule pattern it matched.
/// </summary>
public sealed class EvidenceItem
{
    /// <summary>The input (or snapshot file) the evidence was read from.</summary>
    public required string Source { get; init; }

    /// <summary>Record number in the source, or null for pasted text and snapshot observations.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public long? Record { get; init; }

    /// <summary>Its line in a text source or snapshot, where there is one.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public int? Line { get; init; }

    /// <summary>The event ID, for an event.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public int? EventId { get; init; }

    /// <summary>The provider (source) name, for an event.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Provider { get; init; }

    /// <summary>Its time, UTC, ISO-8601, for an event.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Time { get; init; }

    /// <summary>The fact type, for a snapshot observation.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Fact { get; init; }

    /// <summary>The observed value, for a snapshot observation.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Value { get; init; }

    /// <summary>The node it concerns.</summary>
    public string Node { get; init; } = "";

    /// <summary>The alias of the rule pattern it matched.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Role { get; init; }

    /// <summary>The event's insertion strings (named where the format names them), from which its fact was read.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<EventDataItem>? Data { get; init; }
}
