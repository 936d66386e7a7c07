using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>A problem in an input with its position.</summary>
public sealed class InputError
{
    public required string Message { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public long? Offset { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public int? Line { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public int? Column { get; init; }
}
