using Newtonsoft.Json;

namespace Diagnose.Simulation.Validation;

/// <summary>The verdict on one plan or anti-plan: validated (schedules held), refuted (counterexample) or not-validated (reason).</summary>
public sealed record ValidationResult
{
    public required string Kb { get; init; }

    public required string Plan { get; init; }

    /// <summary><c>plan</c> or <c>anti-plan</c>.</summary>
    public required string Kind { get; init; }

    public required string Verdict { get; init; }

    /// <summary>How many fault schedules were run (held, when validated).</summary>
    public int FaultSchedules { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public Counterexample? Counterexample { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Reason { get; init; }
}
