using System.Globalization;
using Diagnose.Core.Inputs;
using Diagnose.Core.Reports;
using Diagnose.Core.Snapshots;
using Diagnose.Ingest;
using Diagnose.Knowledge;
using Diagnose.Normalise;
using Diagnose.Rules.Engine;
using Diagnose.Rules.Evidence;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;
using Diagnose.Simulation.Validation;

namespace Diagnose.Analysis;

/// <summary>
/// Shapes weighed rule conclusions into the report contract: diagnoses (one per incident) with evidence,
/// confidence basis, competing causes, derived facts and the article's fix; candidates ruled out; benign
/// events with their reason; and every article event that nothing explained.
/// </summary>
internal sealed class ReportBuilder
{
    private readonly KnowledgeBase _knowledge;
    private readonly RuleSet _rules;

    public ReportBuilder(KnowledgeBase knowledge, RuleSet rules)
    {
        _knowledge = knowledge;
        _rules = rules;
    }

    /// <summary>The fixes of the report just built, each with the incident its diagnosis observed, for the validation step.</summary>
    public List<PendingValidation> Pending { get; } = [];

    // articleEvents: the facts of events the catalog marks mustBeExplained.
    // derivedFacts: every derived fact still held after the run; a diagnosis also lists the ones its own match made.
    public AnalysisReport Build(IngestSession ingest, IReadOnlyList<Assessment> assessed, IReadOnlyList<Fact> articleEvents, IReadOnlyList<Fact> derivedFacts)
    {
        var report = new AnalysisReport();
        report.Inputs.AddRange(ingest.Inputs.Select(Input));

        var explained = new HashSet<Fact>();

        // One diagnosis per incident: the rule's 'incident' values, or else its root-cause text, so repeated
        // matches (a service retrying, the same fault seen from another node) add evidence to one diagnosis.
        foreach (var group in assessed.Where(a => a.Conclusion.Kind == ConclusionKind.Diagnosis && !a.IsRuledOut).GroupBy(IncidentKey))
        {
            var best = group.MaxBy(a => a.Confidence)!;
            var evidence = new List<EvidenceItem>();
            var derived = new List<DerivedFactReport>();
            foreach (var conclusion in group.Select(a => a.Conclusion))
            {
                foreach (var (role, fact) in conclusion.Evidence)
                {
                    EvidenceItems.Add(evidence, fact, role);
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

            foreach (var corroboration in group.SelectMany(a => a.Present))
            {
                foreach (var fact in corroboration.Facts)
                {
                    EvidenceItems.Add(evidence, fact, corroboration.Pattern.Pattern.Alias);
                }
            }

            var first = best.Conclusion;
            report.Diagnoses.Add(new DiagnosisReport
            {
                Rule = first.Rule.Id,
                Kb = first.Rule.Kb,
                Title = first.Rule.Title,
                RootCause = first.Text,
                Confidence = best.Confidence,
                Severity = first.Rule.Diagnosis?.Severity ?? Severity.Incident,
                ConfidenceBasis = Basis(best),
                Order = best.Order.Count == 0 ? null : best.Order.Select(OrderItem).ToList(),
                Nodes = evidence.Select(e => e.Node).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                Evidence = evidence,
                DerivedFacts = derived.DistinctBy(d => (d.Type, d.Rule, string.Join("|", d.Fields.Values))).ToList(),
                Fix = Fix(first, group.SelectMany(a => a.Conclusion.Proof.InputSupport()), ingest.Snapshots.FirstOrDefault()),
            });
        }

        CompetingCauses.Rank(report.Diagnoses, _rules);

        foreach (var ruledOut in assessed.Where(a => a.IsRuledOut && a.Conclusion.Kind == ConclusionKind.Diagnosis))
        {
            var item = new RuledOutReport
            {
                Rule = ruledOut.Conclusion.Rule.Id,
                Kb = ruledOut.Conclusion.Rule.Kb,
                Title = ruledOut.Conclusion.Rule.Title,
                RootCause = ruledOut.Conclusion.Text,
                Reason = ruledOut.RuledOut!.Reason,
                By = EvidenceItems.Of(ruledOut.RuledOut.By, ruledOut.RuledOut.Pattern?.Pattern.Alias),
            };
            if (!report.RuledOut.Any(r => r.Rule == item.Rule && r.RootCause == item.RootCause && r.Reason == item.Reason))
            {
                report.RuledOut.Add(item);
            }
        }

        foreach (var conclusion in assessed.Where(a => a.Conclusion.Kind == ConclusionKind.Benign && !a.IsRuledOut && a.Conclusion.Subject is not null).Select(a => a.Conclusion))
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

    private static string IncidentKey(Assessment assessed)
    {
        var conclusion = assessed.Conclusion;
        var incident = conclusion.Rule.Diagnosis?.Incident ?? [];
        if (incident.Count == 0)
        {
            return conclusion.Rule.Id + "\u001f" + conclusion.Text;
        }

        // Values compare as rule expressions do: names ignore case.
        var match = conclusion.Proof.Facts.ToArray();
        return conclusion.Rule.Id + "\u001f" + string.Join("\u001f", incident.Select(e => Convert.ToString(Json(e.Evaluate(match)), CultureInfo.InvariantCulture)?.ToUpperInvariant() ?? "(unknown)"));
    }

    private static OrderReport OrderItem(OrderCheck check) => new()
    {
        Description = check.Description,
        Before = check.BeforeNode,
        After = check.AfterNode,
        Margin = Math.Round(check.Margin.TotalSeconds, 3),
        Tolerance = check.Tolerance is { } t ? Math.Round(t.TotalSeconds, 3) : null,
        Outcome = check.Outcome.ToString().ToLowerInvariant(),
        DependsOnClockCorrection = check.DependsOnCorrection,
        Text = check.Text,
    };

    private static ConfidenceBasis Basis(Assessment assessed) => new()
    {
        Base = assessed.Base,
        Max = assessed.Max,
        Corroborating = assessed.Present.Select(p => new CorroborationReport
        {
            Description = p.Description,
            Weight = p.Pattern.Weight,
            Evidence = EvidenceItems.Of(p.Facts, p.Pattern.Pattern.Alias),
        }).ToList(),
        Missing = assessed.Missing.Select(m => new MissingEvidenceReport { Description = m.Description, Weight = m.Pattern.Weight, Collect = m.What }).ToList(),
        CappedSingleRecord = assessed.CappedSingleRecord,
    };

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
        // Advice (a service pack against a standing risk) does not repair the incident the logs show, so it is not
        // tried on it but on the incident its plan declares, replayed as it was; an incident model cannot be replayed so.
        if (conclusion.Rule.Diagnosis?.Severity != Severity.Advice)
        {
            Pending.Add(new PendingValidation(fix, article, plan, conclusion.Rule.Id, new DiagnosisSource(DiagnosedEvents.From(evidence), snapshot)));
        }
        else if (article.IncidentOf(plan) is { Operations.Count: > 0 })
        {
            Pending.Add(new PendingValidation(fix, article, plan, conclusion.Rule.Id, new AdviceSource(DiagnosedEvents.From(evidence), snapshot)));
        }
        return fix;
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
            Time = EvidenceItems.Time(origin.Record.TimeUtc),
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

    private static object? Json(object? value) => value switch
    {
        DateTime t => EvidenceItems.Time(t),
        TimeSpan d => d.ToString("c", CultureInfo.InvariantCulture),
        _ => value,
    };
}
