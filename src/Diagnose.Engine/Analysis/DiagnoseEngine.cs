using Diagnose.Core.Diagnostics;
using Diagnose.Core.Records;
using Diagnose.Core.Reports;
using Diagnose.Ingest;
using Diagnose.Knowledge;
using Diagnose.Knowledge.Loading;
using Diagnose.Normalise;
using Diagnose.Rules.Engine;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Loading;
using Diagnose.Rules.Model;

namespace Diagnose.Analysis;

/// <summary>
/// The engine: rules and articles loaded and checked once, then any number of analyses
/// (logs → records → facts → rules → report). Safe to share between threads: each analysis
/// has its own rule session.
/// </summary>
public sealed class DiagnoseEngine
{
    private readonly LogIngester _ingester = new();

    private DiagnoseEngine(RuleSet rules, KnowledgeBase knowledge)
    {
        Rules = rules;
        Knowledge = knowledge;
    }

    public RuleSet Rules { get; }

    public KnowledgeBase Knowledge { get; }

    /// <summary>Loads rules and articles; throws <see cref="EngineLoadException"/> listing every problem.</summary>
    public static DiagnoseEngine Load(EngineOptions? options = null)
    {
        options ??= new EngineOptions();
        var (knowledge, kbProblems) = ArticleLoader.Load([Path.Combine(options.ContentRoot, "kb"), .. options.ExtraKnowledgeFolders]);
        var loaded = RuleLoader.Load([Path.Combine(options.ContentRoot, "rules"), .. options.ExtraRuleFolders], knowledge);
        var problems = kbProblems.Concat(loaded.Problems).ToList();
        if (problems.Count > 0)
        {
            throw new EngineLoadException(problems);
        }

        return new DiagnoseEngine(loaded.RuleSet, knowledge);
    }

    public Task<AnalysisReport> AnalyzeAsync(IReadOnlyList<string> paths, AnalyzeOptions? options = null, CancellationToken cancellation = default) =>
        Task.Run(() => Analyze(paths, options, cancellation), cancellation);

    public AnalysisReport Analyze(IReadOnlyList<string> paths, AnalyzeOptions? options = null, CancellationToken cancellation = default)
    {
        var ingest = new IngestSession { Progress = options?.Progress };
        return Analyze(ingest, _ingester.Read(paths, ingest, cancellation), cancellation);
    }

    /// <summary>Analyses records from any source (for example streams read by the caller) once ingest has filled <paramref name="ingest"/>.</summary>
    public AnalysisReport Analyze(IngestSession ingest, IEnumerable<EventRecord> records, CancellationToken cancellation = default)
    {
        var session = new RuleSession(Rules);
        var events = new EventNormaliser(Rules.Schemas);

        // Generic Event facts are kept once per node, provider and id, so memory stays bounded by the
        // variety of events, not their number; the typed events are few and kept whole.
        var seen = new HashSet<(string?, string, int)>();
        var typed = new List<EventRecord>();
        foreach (var record in records)
        {
            cancellation.ThrowIfCancellationRequested();
            if (seen.Add((NodeNames.Normalise(record.Computer), record.Provider.ToUpperInvariant(), record.EventId)))
            {
                session.Insert(events.GenericFact(record));
            }

            if (EventNormaliser.IsArticleEvent(record))
            {
                typed.Add(record);
            }
        }

        // Snapshots may come after the logs in the input order; their resource map is needed first.
        var snapshots = new SnapshotNormaliser(Rules.Schemas);
        foreach (var snapshot in ingest.Snapshots)
        {
            foreach (var resource in snapshot.Resources.Where(r => r.Service is not null))
            {
                events.MapResource(resource.Name, resource.Service!);
            }

            foreach (var fact in snapshots.Facts(snapshot))
            {
                session.Insert(fact);
            }
        }

        var typedFacts = new List<Fact>();
        foreach (var record in typed)
        {
            if (events.TypedFact(record) is { } fact)
            {
                session.Insert(fact);
                typedFacts.Add(fact);
            }
        }

        session.Run();
        session.Firings.ToList().ForEach(f => DiagnoseEventSource.Log.RuleFired(f.Rule.Id, f.Facts.Count(x => x is not null)));
        var report = new ReportBuilder(Knowledge).Build(ingest, session.Conclusions, typedFacts);
        DiagnoseEventSource.Log.Reported(report);
        return report;
    }
}
