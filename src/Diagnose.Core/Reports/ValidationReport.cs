using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>Verdict of running a fix plan on the simulated cluster: validated, refuted or not-validated.</summary>
public sealed class ValidationReport
{
    public required string Verdict { get; init; }

    public int FaultSchedules { get; init; }

    public List<string> Trace { get; init; } = [];

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Reason { get; init; }
}
