using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>
/// Advice on what to collect so a rule could decide: what, from which node and log, for which window, with which
/// command, and the rules that asked for it.
/// </summary>
public sealed class CollectReport
{
    /// <summary>What to collect, in words.</summary>
    public required string What { get; init; }

    /// <summary>The node to collect it from, or null when that does not apply.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public string? Node { get; init; }

    /// <summary>The event log to export, or null when that does not apply.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public string? Log { get; init; }

    /// <summary>The span of time the export should cover, or null when that does not apply.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public CollectWindow? Window { get; init; }

    /// <summary>A command that collects it, or null when that does not apply.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public string? Command { get; init; }

    /// <summary>The rules that asked for it.</summary>
    public List<string> Because { get; init; } = [];
}
