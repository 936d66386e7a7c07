using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>
/// Advice on what to collect so a rule could decide: what, from which node and log, for which window, with which
/// command, and the rules that asked for it.
/// </summary>
public sealed class CollectReport
{
    public required string What { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public string? Node { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public string? Log { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public CollectWindow? Window { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Include)]
    public string? Command { get; init; }

    public List<string> Because { get; init; } = [];
}
