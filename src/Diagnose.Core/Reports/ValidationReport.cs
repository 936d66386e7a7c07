using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>
/// The one verdict shape: a report's <c>fix.validation</c>, each entry of <c>diagnose validate --format json</c> and the
/// <c>POST /api/validate</c> answer. A refuted plan carries its counterexample (and, flattened, its <see cref="Trace"/>);
/// a plan that could not be run carries its <see cref="Reason"/>.
/// </summary>
public sealed class ValidationReport
{
    /// <summary>The article whose plan was validated.</summary>
    public required string Kb { get; init; }

    /// <summary>The plan's id.</summary>
    public required string Plan { get; init; }

    /// <summary>Whether it is the article's advice or an anti-plan.</summary>
    public PlanKind Kind { get; init; }

    /// <summary>The verdict.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>How many fault schedules were run (held, when validated).</summary>
    public int FaultSchedules { get; init; }

    /// <summary>For a refuted plan, the shortest run that breaks a goal.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public Counterexample? Counterexample { get; init; }

    /// <summary>The counterexample as lines: its steps, the broken goal, then the events logged.</summary>
    public List<string> Trace { get; init; } = [];

    /// <summary>Trace is written only when there is one, like the counterexample it flattens.</summary>
    public bool ShouldSerializeTrace() => Trace.Count > 0;

    /// <summary>For a plan that could not be run, why.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Reason { get; init; }

    /// <summary>The simulator's labelled assumptions whose switch-off changes this verdict (none: it rests on sources alone).</summary>
    public List<AssumptionReliance> Assumptions { get; init; } = [];

    /// <summary>Assumptions are written only when the verdict rests on one.</summary>
    public bool ShouldSerializeAssumptions() => Assumptions.Count > 0;

    /// <summary>The step-removal and adjacent-swap mutants, when asked for (<c>validate --mutants</c>); null otherwise.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<MutantReport>? Mutants { get; set; }

    /// <summary>What the replay of a diagnosis assumed where neither the snapshot nor the events said (an OS, a resource's name).</summary>
    public List<string> IncidentAssumptions { get; init; } = [];

    /// <summary>Written only when the replay assumed something.</summary>
    public bool ShouldSerializeIncidentAssumptions() => IncidentAssumptions.Count > 0;
}
