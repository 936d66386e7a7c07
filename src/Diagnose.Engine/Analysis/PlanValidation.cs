using System.Globalization;
using Diagnose.Core.Reports;
using Diagnose.Core.Snapshots;
using Diagnose.Knowledge.Articles;
using Diagnose.Normalise;
using Diagnose.Rules.Facts;
using Diagnose.Simulation.Validation;

namespace Diagnose.Analysis;

/// <summary>
/// Gives a diagnosis the verdict of its plan: the simulated cluster replays the diagnosed incident (with
/// its node names, roles and snapshot) and the plan is run on it without faults and with every single fault.
/// A refuted plan's report names the other plans of the article that hold on the same incident.
/// </summary>
internal static class PlanValidation
{
    // Every single fault at every step; pairs are for `diagnose validate` and the benchmark (thousands of
    // schedules on four nodes would make each analysis take seconds).
    private static readonly FixValidator Validator = new() { MaxFaults = 1 };

    public static ValidationReport Validate(Article article, FixPlan plan, IEnumerable<Fact> evidence, ClusterSnapshot? snapshot, string? rule = null)
    {
        var events = evidence.Select(Event).OfType<DiagnosedEvent>().ToList();
        var (incident, problem) = DiagnosisCases.Build(new DiagnosedIncident(article.Id, events, snapshot));
        if (incident is null)
        {
            return new ValidationReport { Verdict = "not-validated", Reason = problem };
        }

        var result = Validator.Validate(article.Id, plan, "plan", incident, rule);
        if (result.Counterexample is not { } c)
        {
            return new ValidationReport { Verdict = result.Verdict, FaultSchedules = result.FaultSchedules, Reason = result.Reason };
        }

        var alternatives = article.Plans.Where(p => p.Id != plan.Id && Validator.Validate(article.Id, p, "plan", incident, rule).Verdict == "validated").Select(p => p.Id).ToList();
        var trace = new List<string>(c.Steps) { $"broken: {c.Invariant}: {c.Detail}" };
        trace.AddRange(c.Events.Select(e => $"event: {e}"));
        return new ValidationReport
        {
            Verdict = result.Verdict,
            FaultSchedules = result.FaultSchedules,
            Trace = trace,
            Reason = $"{c.Invariant}: {c.Detail}{(c.Faults.Count == 0 ? " (without any fault)" : $" (with: {string.Join("; ", c.Faults)})")}"
                + (alternatives.Count == 0 ? "" : $"; validated on this incident instead: {string.Join(", ", alternatives)}"),
        };
    }

    private static DiagnosedEvent? Event(Fact fact)
    {
        if (fact.Origin is not EventOrigin origin)
        {
            return null;
        }

        var fields = fact.Schema.Fields.ToDictionary(f => f.Name, f => fact.Values[f.Index] switch
        {
            null => null,
            IFormattable v => v.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString(),
        }, StringComparer.Ordinal);
        return new DiagnosedEvent(origin.Node ?? "", origin.Record.Provider, origin.Record.EventId, origin.Record.TimeUtc, fields);
    }
}
