using System.Globalization;
using Diagnose.Core.Inputs;
using Diagnose.Core.Reports;
using Diagnose.Core.Snapshots;
using Diagnose.Core.Time;
using Diagnose.Ingest;
using Diagnose.Knowledge;
using Diagnose.Normalise;
using Diagnose.Rules.Engine;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;
using Diagnose.Simulation.Validation;

namespace Diagnose.Analysis;

/// <summary>
/// Shapes rule conclusions into the report contract: diagnoses with evidence, derived facts and the
/// article's fix; benign events with their reason; and every article event that nothing explained.
/// </summary>
internal sealed class ReportBuilder
{
    private readonly KnowledgeBase _knowledge;

    public ReportBuilder(KnowledgeBase knowledge) => _knowledge = knowledge;

    /// <summary>The fixes of the report just built, each with the incident its diagnosis observed, for the validation step.</summary>
    public List<PendingValidation> Pending { get; } = [];

    // articleEvents: the facts of events the catalog marks mustBeExplained.
    // derivedFacts: every derived fact still held after the run; a diagnosis also lists the ones its own match made.
    public AnalysisReport Build(IngestSession ingest, IReadOnlyList<Conclusion> conclusions, IReadOnlyList<Fact> articleEvents, IReadOnlyList<Fact> derivedFacts)
    {
        var report = new AnalysisReport();
        report.Inputs.AddRange(ingest.Inputs.Select(Input));

        var explained = new HashSet<Fact>();

        // One diagnosis per rule and root cause: repeated matches (a service retrying) add evidence.
        foreach (var group in conclusions.Where(c => c.Kind == ConclusionKind.Diagnosis).GroupBy(c => (c.Rule.Id, c.Text)))
        {
            var first = group.First();
            var evidence = new List<EvidenceItem>();
            var derived = new List<DerivedFactReport>();
            foreach (var conclusion in group)
            {
                foreach (var (role, fact) in conclusion.Evidence)
                {
                    AddEvidence(evidence, fact, role);
                }

                explained.UnionWith(conclusion.Proof.InputSupport());
                // Facts derived on the way to this match, then the ones the diagnosing match derived itself
                // (for example a derived fact that a later rule uses to mark an event benign).
                var made = derivedFacts.Where(f => ReferenceEquals(f.DerivedBy, conclusion.Proof));
                foreach (var fact in conclusion.Proof.DerivedSupport().Concat(made))
                {
                    derived.Add(new DerivedFactReport
                    {
                        Type = fact.Schema.Name,
                        Rule = fact.DerivedBy!.Rule.Id,
                        Fields = fact.Schema.Fields.ToDictionary(f => f.Name, f => Json(fact.Values[f.Index])),
                    });
                }
            }

            report.Diagnoses.Add(new DiagnosisReport
            {
                Rule = first.Rule.Id,
                Kb = first.Rule.Kb,
                Title = first.Rule.Title,
                RootCause = first.Text,
                Confidence = group.Max(c => c.Confidence),
                Nodes = evidence.Select(e => e.Node).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                Evidence = evidence,
                DerivedFacts = derived.DistinctBy(d => (d.Type, d.Rule, string.Join("|", d.Fields.Values))).ToList(),
                Fix = Fix(first, group.SelectMany(c => c.Proof.InputSupport()), ingest.Snapshots.FirstOrDefault()),
            });
        }

        foreach (var conclusion in conclusions.Where(c => c.Kind == ConclusionKind.Benign && c.Subject is not null))
        {
            if (!explained.Add(conclusion.Subject!))
            {
                continue;
            }

            report.Benign.Add(Reference(conclusion.Subject!, conclusion.Text, conclusion.Rule.Id, conclusion.Rule.Kb));
        }

        foreach (var fact in articleEvents.Where(f => !explained.Contains(f)))
        {
            var origin = (EventOrigin)fact.Origin!;
            var reason = $"{origin.Record.Provider} {origin.Record.EventId} ({fact.Schema.Name}) on {origin.Node ?? "an unknown node"}: no rule explains it in this context, and nothing marks it harmless";
            report.Unexplained.Add(Reference(fact, reason, null, null));
        }

        return report;
    }

    private FixReport? Fix(Conclusion conclusion, IEnumerable<Fact> evidence, ClusterSnapshot? snapshot)
    {
        var article = _knowledge.Find(conclusion.Rule.Kb);
        var plan = conclusion.Plan is null ? null : article?.Plan(conclusion.Plan);
        if (article is null || plan is null)
        {
            return null;
        }

        var fix = new FixReport
        {
            Plan = plan.Id,
            Title = plan.Title,
            Steps = plan.Steps.Select(s => s.Text).ToList(),
            Warnings = article.AntiPlans.Select(a => a.Warning ?? a.Title).ToList(),
        };
        Pending.Add(new PendingValidation(fix, article, plan, conclusion.Rule.Id, new DiagnosisSource(DiagnosedEvents.From(evidence), snapshot)));
        return fix;
    }

    private static void AddEvidence(List<EvidenceItem> evidence, Fact fact, string role)
    {
        // A derived fact is shown through the inputs it was derived from.
        if (fact.DerivedBy is { } by)
        {
            foreach (var input in by.InputSupport())
            {
                AddEvidence(evidence, input, role);
            }

            return;
        }

        var item = fact.Origin switch
        {
            EventOrigin e => new EvidenceItem
            {
                Source = e.Record.Origin.Source,
                Record = e.Record.RecordNumber,
                Line = e.Record.Origin.Line,
                EventId = e.Record.EventId,
                Provider = e.Record.Provider,
                Time = Time(e.Record.TimeUtc),
                Node = e.Node ?? "",
                Role = role,
                Data = e.Record.Data.ToList(),
            },
            ObservationOrigin o => new EvidenceItem
            {
                Source = o.Source,
                Line = o.Line,
                Fact = o.Fact,
                Value = o.Value,
                Node = o.Node ?? "",
                Role = role,
            },
            _ => null,
        };

        if (item is not null && !evidence.Any(x => x.Source == item.Source && x.Record == item.Record && x.Line == item.Line && x.Fact == item.Fact && x.EventId == item.EventId && x.Value == item.Value))
        {
            evidence.Add(item);
        }
    }

    private static EventReference Reference(Fact fact, string reason, string? rule, string? kb)
    {
        var origin = (EventOrigin)fact.Origin!;
        return new EventReference
        {
            Source = origin.Record.Origin.Source,
            Record = origin.Record.RecordNumber,
            Line = origin.Record.Origin.Line,
            EventId = origin.Record.EventId,
            Provider = origin.Record.Provider,
            Time = Time(origin.Record.TimeUtc),
            Node = origin.Node ?? "",
            Reason = reason,
            Rule = rule,
            Kb = kb,
        };
    }

    private static InputReport Input(InputSummary summary) => new()
    {
        Path = summary.Path,
        Format = summary.Format,
        Records = summary.Records,
        Recovered = summary.Recovered,
        Skipped = summary.Skipped,
        Unreadable = summary.Unreadable,
        Errors = summary.Problems.Select(p => new InputError { Message = p.Message, Offset = p.Offset, Line = p.Line, Column = p.Column }).ToList(),
    };

    /// <summary>UTC ISO-8601 with as many fraction digits as the source had.</summary>
    internal static string Time(DateTime? time) =>
        (time is { } t ? IsoTime.Format(t, IsoPrecision.TicksTrimmed) : "");

    private static object? Json(object? value) => value switch
    {
        DateTime t => Time(t),
        TimeSpan d => d.ToString("c", CultureInfo.InvariantCulture),
        _ => value,
    };
}
