using Diagnose.Core.Reports;
using Diagnose.Knowledge;
using Diagnose.Knowledge.Articles;
using Diagnose.Knowledge.Events;
using Diagnose.Simulation.Model;
using Diagnose.Simulation.Scenarios;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// The validation step of the data flow, used alike by <c>analyze</c> (after the diagnoses are built),
/// <c>diagnose validate</c> and <c>POST /api/validate</c>: resolves an <see cref="IncidentSource"/> through the
/// articles' declared incidents, runs the plan on it with <see cref="FixValidator"/> and answers one
/// <see cref="ValidationReport"/>. A refuted plan of a diagnosis also names the article's plans that hold on the same incident.
/// </summary>
public sealed class FixValidation
{
    private readonly KnowledgeBase _knowledge;
    private readonly EventCatalog _events;

    /// <summary>Validates plans of <paramref name="knowledge"/>'s articles on their declared incidents, writing events from <paramref name="events"/>.</summary>
    public FixValidation(KnowledgeBase knowledge, EventCatalog events)
    {
        _knowledge = knowledge;
        _events = events;
        Scenarios = new ScenarioCatalog(knowledge, events);
    }

    /// <summary>The runs the articles declare, for <c>diagnose simulate</c> and scenario sources.</summary>
    public ScenarioCatalog Scenarios { get; }

    /// <summary>Validates one plan; <paramref name="maxFaults"/> 1 runs every single fault, 2 adds every pair.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public ValidationReport Validate(Article article, FixPlan plan, PlanKind kind, IncidentSource source, int maxFaults = 2, string? rule = null, CancellationToken cancellation = default)
    {
        var (incident, problem) = Resolve(article, plan, source);
        if (incident is null)
        {
            return new ValidationReport { Kb = article.Id, Plan = plan.Id, Kind = kind, Verdict = Verdict.NotValidated, Reason = problem };
        }

        var validator = new FixValidator { MaxFaults = maxFaults };
        var result = WithAssumptions(validator.Validate(article.Id, plan, kind, incident, rule, cancellation), incident.Assumptions);
        if (result.Verdict != Verdict.Refuted || source is not DiagnosisSource)
        {
            return result;
        }

        var alternatives = article.Plans.Where(p => p.Id != plan.Id && validator.Validate(article.Id, p, PlanKind.Plan, incident, rule, cancellation).Verdict == Verdict.Validated).Select(p => p.Id).ToList();
        return alternatives.Count == 0 ? result : new ValidationReport
        {
            Kb = result.Kb, Plan = result.Plan, Kind = result.Kind, Verdict = result.Verdict, FaultSchedules = result.FaultSchedules,
            Counterexample = result.Counterexample, Trace = result.Trace, IncidentAssumptions = result.IncidentAssumptions,
            Reason = $"{result.Reason}; validated on this incident instead: {string.Join(", ", alternatives)}",
        };
    }

    private static ValidationReport WithAssumptions(ValidationReport report, IReadOnlyList<string> assumptions) => assumptions.Count == 0 ? report : new ValidationReport
    {
        Kb = report.Kb, Plan = report.Plan, Kind = report.Kind, Verdict = report.Verdict, FaultSchedules = report.FaultSchedules,
        Counterexample = report.Counterexample, Trace = report.Trace, Reason = report.Reason, Assumptions = report.Assumptions, IncidentAssumptions = [.. assumptions],
    };

    /// <summary>
    /// Every plan and anti-plan of every article on its own incident (<c>diagnose validate --all</c>); with
    /// <paramref name="mutants"/>, each documented plan's result also carries its step-removal and adjacent-swap mutants.
    /// </summary>
    public IReadOnlyList<ValidationReport> ValidateAll(int maxFaults = 2, bool mutants = false) =>
        _knowledge.Articles.SelectMany(a => a.Plans.Select(p => (a, p, PlanKind.Plan)).Concat(a.AntiPlans.Select(p => (a, p, PlanKind.AntiPlan))))
            .Select(x =>
            {
                var result = Validate(x.a, x.p, x.Item3, new PlanIncidentSource(), maxFaults);
                if (mutants && x.Item3 == PlanKind.Plan && Resolve(x.a, x.p, new PlanIncidentSource()).Case is { } incident)
                {
                    result.Mutants = [.. new FixValidator { MaxFaults = maxFaults }.Mutants(x.a.Id, x.p, incident)];
                }

                return result;
            }).ToList();

    /// <summary>The simulated incident a source stands for, or why there is none.</summary>
    public (IncidentCase? Case, string? Problem) Resolve(Article article, FixPlan plan, IncidentSource source)
    {
        var diagnosed = article.Incidents.FirstOrDefault(i => i.Diagnosed);
        try
        {
            switch (source)
            {
                case ScenarioSource s:
                    var scenario = Scenarios.Find(s.Name);
                    return scenario is null ? (null, $"there is no scenario '{s.Name}'")
                        : (scenario.Run(new ScenarioOptions(s.Seed, s.Nodes, Noise: 0, UntilIncident: true)).Case, null);
                case SnapshotSource s:
                    // The snapshot is the evidence: an incident told by the snapshot replays from it; the others need their events.
                    return DiagnosisCases.Build(new DiagnosedIncident(article.Id, [], s.Snapshot), diagnosed, _events);
                case DiagnosisSource d:
                    return DiagnosisCases.Build(new DiagnosedIncident(article.Id, d.Events, d.Snapshot), diagnosed, _events);
                case AdviceSource a:
                    return DiagnosisCases.Build(new DiagnosedIncident(article.Id, a.Events, a.Snapshot), article.IncidentOf(plan), _events);
                default:
                    var own = article.IncidentOf(plan) is { } declared ? Scenarios.Find(declared.Id) : null;
                    return own is null ? (null, "the simulator has no incident for this plan's situation")
                        : (own.Run(new ScenarioOptions(1, 2, Noise: 0, UntilIncident: true)).Case, null);
            }
        }
        catch (SimulationException e)
        {
            return (null, $"the simulated incident could not be built: {e.Message}");
        }
    }
}
