using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>A problem in an input with its position.</summary>
public sealed class InputError
{
    /// <summary>What was wrong.</summary>
    public required string Message { get; init; }

    /// <summary>Byte offset in the input, for binary formats.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public long? Offset { get; init; }

    /// <summary>Line in the input, for text formats.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public int? Line { get; init; }

    /// <summary>Column on <see cref="Line"/>, where known.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public int? Column { get; init; }
}
