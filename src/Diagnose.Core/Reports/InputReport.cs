using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>One input in the report: detected format and the read/recovered/skipped counts with every problem.</summary>
public sealed class InputReport
{
    /// <summary>The input's path, or the name given to a stream.</summary>
    public required string Path { get; init; }

    /// <summary>The detected format id (evtx, evt, xml, csv, json, text, snapshot, …), or "unknown".</summary>
    public required string Format { get; init; }

    /// <summary>Records read, including the recovered ones.</summary>
    public long Records { get; init; }

    /// <summary>Records read back from damaged parts.</summary>
    public long Recovered { get; init; }

    /// <summary>Records that could not be read.</summary>
    public long Skipped { get; init; }

    /// <summary>Every problem met, with its offset or line.</summary>
    public List<InputError> Errors { get; init; } = [];

    /// <summary>True when nothing at all could be read from this input (missing, empty, unrecognised, or every record failed).</summary>
    public bool Unreadable { get; init; }

    /// <summary>Time of the earliest record (UTC, ISO-8601), when any record had a time.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? From { get; set; }

    /// <summary>Time of the latest record.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? To { get; set; }

    /// <summary>The nodes whose records this input holds.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<string>? Nodes { get; set; }

    /// <summary>How its times were taken: "UTC (recorded in the log)", "taken as UTC+02:00 (given)", "taken as UTC (assumed)".</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Clock { get; set; }

    /// <summary>Record numbers the input skips, for formats that number records.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<InputGap>? Gaps { get; set; }
}
