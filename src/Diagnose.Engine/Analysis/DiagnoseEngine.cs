using Diagnose.Core.Diagnostics;
using Diagnose.Core.Records;
using Diagnose.Core.Reports;
using Diagnose.Ingest;
using Diagnose.Knowledge;
using Diagnose.Knowledge.Decisions;
using Diagnose.Knowledge.Events;
using Diagnose.Knowledge.Loading;
using Diagnose.Knowledge.Resources;
using Diagnose.Normalise;
using Diagnose.Rules.Engine;
using Diagnose.Rules.Evidence;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Loading;
using Diagnose.Rules.Model;
using Diagnose.Simulation.Validation;

namespace Diagnose.Analysis;

/// <summary>
/// The engine: rules and articles loaded and checked once, and the rules' network built once, then any
/// number of analyses (logs → records → facts → rules → report). Safe to share between threads: each
/// analysis has its own rule session (working memory) on the shared network.
/// </summary>
/// <example>
/// <code>
/// var engine = DiagnoseEngine.Load();
/// var report = await engine.AnalyzeAsync([AnalysisInput.FromFile("NODE1_System.evtx")]);
/// </code>
/// </example>
public sealed class DiagnoseEngine
{
    /// <summary>Name of the <see cref="System.Diagnostics.Metrics.Meter"/> whose counters count events ingested, rules fired and analyses completed.</summary>
    public const string MeterName = "Diagnose";

    // Progress is reported at most once per this many bytes of an input.
    private const long ProgressStep = 1 << 20;

    private readonly LogIngester _ingester = new();

    // Every single fault at every step; pairs are for `diagnose validate` and the benchmark (thousands of
    // schedules on four nodes would make each analysis take seconds).
    private const int AnalysisMaxFaults = 1;

    private readonly SessionFactory _sessions;

    private DiagnoseEngine(RuleSet rules, KnowledgeBase knowledge, EventCatalog events, ResourceTable resources, IReadOnlyList<DecisionTable> decisions)
    {
        Decisions = decisions;
        Rules = rules;
        Knowledge = knowledge;
        Validation = new FixValidation(knowledge, events);
        Events = events;
        Resources = resources;
        _sessions = SessionFactory.Compile(rules);
    }

    /// <summary>The compiled rules, built-in and custom.</summary>
    public RuleSet Rules { get; }

    /// <summary>The knowledge articles, built-in and custom.</summary>
    public KnowledgeBase Knowledge { get; }

    /// <summary>The fix-validation step: the articles' declared incidents and the validator, shared by analyses, <c>diagnose validate</c> and the REST service.</summary>
    public FixValidation Validation { get; }

    /// <summary>The catalogued events (<c>*.events.json</c> of the rule folders): which records become which facts, and their messages.</summary>
    public EventCatalog Events { get; }

    /// <summary>The articles' decision tables (<c>*.decisions.json</c> of the knowledge folders), run by <see cref="Diagnose.Decisions.DecisionTableRunner"/>.</summary>
    public IReadOnlyList<DecisionTable> Decisions { get; }

    /// <summary>The service each known generic-service resource runs (<c>*.resources.json</c> of the rule folders).</summary>
    public ResourceTable Resources { get; }

    /// <summary>
    /// Loads rules, event catalogs, resource tables and articles from <see cref="EngineOptions.ContentRoot"/>
    /// (by default the copy of <c>rules/</c> and <c>kb/</c> beside the program) plus any custom folders; throws
    /// <see cref="EngineLoadException"/> listing every problem with file, line and column.
    /// </summary>
    public static DiagnoseEngine Load(EngineOptions? options = null)
    {
        options ??= new EngineOptions();
        string[] kbFolders = [Path.Combine(options.ContentRoot, "kb"), .. options.ExtraKnowledgeFolders];
        var (knowledge, kbProblems) = ArticleLoader.Load(kbFolders);
        string[] ruleFolders = [Path.Combine(options.ContentRoot, "rules"), .. options.ExtraRuleFolders];
        var loaded = RuleLoader.Load(ruleFolders, knowledge);
        var (events, catalogProblems) = EventCatalogLoader.Load(ruleFolders, loaded.RuleSet.Schemas);
        var (resources, resourceProblems) = ResourceTableLoader.Load(ruleFolders);
        var (decisions, decisionProblems) = DecisionTableLoader.Load(kbFolders, id => loaded.RuleSet.Find(id) is not null, knowledge, events);
        var problems = kbProblems.Concat(loaded.Problems).Concat(catalogProblems).Concat(resourceProblems).Concat(decisionProblems).ToList();
        if (problems.Count > 0)
        {
            throw new EngineLoadException(problems);
        }

        return new DiagnoseEngine(loaded.RuleSet, knowledge, events, resources, decisions);
    }

    /// <summary>
    /// The ids of the rules that <see cref="AnalyzeOptions.WhyNot"/> names (a rule id, or an article id for all
    /// its rules, case-insensitive); throws <see cref="ArgumentException"/> naming every id that matches nothing.
    /// </summary>
    public IReadOnlyList<string> WhyNotRules(IReadOnlyList<string> ids) =>
        WhyNotExplainer.Resolve(Rules, ids).Select(r => r.Id).ToList();

    /// <summary>
    /// Analyses files, folders and streams together as one case, on a thread-pool thread. Inputs are
    /// enumerated lazily, one at a time, and each is read to its end before the next is asked for, so
    /// the sequence may hand out streams that only become readable in turn (multipart sections).
    /// An unreadable or damaged input is reported in <see cref="AnalysisReport.Inputs"/>, never thrown.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task<AnalysisReport> AnalyzeAsync(IEnumerable<AnalysisInput> inputs, AnalyzeOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Task.Run(() => Analyze(inputs, options, cancellation), cancellation);
    }

    /// <summary>Synchronous form of <see cref="AnalyzeAsync(IEnumerable{AnalysisInput}, AnalyzeOptions?, CancellationToken)"/>.</summary>
    public AnalysisReport Analyze(IEnumerable<AnalysisInput> inputs, AnalyzeOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);

        // Checked before anything is read, so a mistyped id costs nothing.
        var explain = WhyNotExplainer.Resolve(Rules, options?.WhyNot ?? []);
        var tracker = new ProgressTracker(options);
        var ingest = new IngestSession { Progress = tracker.OnFileProgress };
        return Analyze(ingest, Read(inputs, ingest, tracker, cancellation), explain, options?.ValidateFixes ?? true, cancellation);
    }

    /// <summary>Analyses files and folders (searched recursively) together as one case.</summary>
    public Task<AnalysisReport> AnalyzeAsync(IReadOnlyList<string> paths, AnalyzeOptions? options = null, CancellationToken cancellation = default) =>
        Task.Run(() => Analyze(paths, options, cancellation), cancellation);

    /// <summary>Synchronous form of <see cref="AnalyzeAsync(IReadOnlyList{string}, AnalyzeOptions?, CancellationToken)"/>.</summary>
    public AnalysisReport Analyze(IReadOnlyList<string> paths, AnalyzeOptions? options = null, CancellationToken cancellation = default) =>
        Analyze(paths.Select(AnalysisInput.FromFile), options, cancellation);

    /// <summary>Analyses records from any source (for example streams read by the caller) once ingest has filled <paramref name="ingest"/>.</summary>
    public AnalysisReport Analyze(IngestSession ingest, IEnumerable<EventRecord> records, CancellationToken cancellation = default) =>
        Analyze(ingest, records, [], validateFixes: true, cancellation);

    private AnalysisReport Analyze(IngestSession ingest, IEnumerable<EventRecord> records, List<Rule> explain, bool validateFixes, CancellationToken cancellation)
    {
        var session = _sessions.CreateSession();
        var events = new EventNormaliser(Rules.Schemas, Events, Resources);

        // Generic Event facts are kept once per node, provider and id, so memory stays bounded by the
        // variety of events, not their number; the typed events are few and kept whole.
        var seen = new HashSet<(string?, string, int)>();
        var typed = new List<EventRecord>();
        var coverage = new InputCoverage();
        var count = 0L;

        // Every fact inserted is kept for the unless/corroborate patterns, which are checked after the run
        // (working memory keeps only what a 'when' pattern can use); it is bounded as the facts are.
        var inserted = new List<Fact>();
        var logs = new LogCoverage();
        foreach (var record in records)
        {
            cancellation.ThrowIfCancellationRequested();
            count++;
            var node = NodeNames.Normalise(record.Computer);
            coverage.Add(record, node);
            logs.Add(record);
            if (seen.Add((node, record.Provider.ToUpperInvariant(), record.EventId)))
            {
                var generic = events.GenericFact(record);
                session.Insert(generic);
                inserted.Add(generic);
                coverage.AddContext(record, node);
            }

            if (events.TypedEntry(record) is not null)
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
                inserted.Add(fact);
            }
        }

        // The events the articles name (mustBeExplained in the catalog) are reported as unexplained when nothing uses them.
        var mustExplain = new List<Fact>();
        foreach (var record in typed)
        {
            if (events.TypedFact(record) is { } fact)
            {
                session.Insert(fact);
                inserted.Add(fact);
                if (events.TypedEntry(record)!.MustBeExplained)
                {
                    mustExplain.Add(fact);
                }
            }
        }

        session.Run();
        if (DiagnoseEventSource.Log.IsEnabled())
        {
            foreach (var firing in session.Firings)
            {
                DiagnoseEventSource.Log.RuleFired(firing.Rule.Id, firing.Facts.Count(x => x is not null));
            }
        }

        var derivedFacts = Rules.Schemas.All.Where(schema => schema.Derived).SelectMany(session.Facts).Where(f => f.DerivedBy is not null).ToList();
        var facts = new FactSource(inserted, session, Rules.Schemas);
        var assessor = new EvidenceAssessor(facts, EvidenceItems.RecordOf);
        var assessed = session.Conclusions.Select(assessor.Assess).ToList();
        var builder = new ReportBuilder(Knowledge, Rules);
        var report = builder.Build(ingest, assessed, mustExplain, derivedFacts);
        coverage.Apply(report);
        var advisor = new CollectAdvisor(Rules, Knowledge, facts, logs, ingest.Snapshots.Count > 0);
        report.Collect.AddRange(advisor.Advise(session, assessed, report.Diagnoses.Count));

        // The validation step: each diagnosis' plan on the incident it observed, after every diagnosis is built.
        foreach (var pending in validateFixes ? builder.Pending : [])
        {
            cancellation.ThrowIfCancellationRequested();
            pending.Fix.Validation = Validation.Validate(pending.Article, pending.Plan, PlanKind.Plan, pending.Source, AnalysisMaxFaults, pending.Rule, cancellation);
        }
        if (explain.Count > 0)
        {
            report.WhyNot = explain.Select(rule => WhyNotExplainer.Explain(session, rule, assessed)).ToList();
        }

        DiagnoseEventSource.Log.Reported(report);
        EngineMetrics.EventsIngested.Add(count);
        EngineMetrics.RulesFired.Add(session.Firings.Count);
        EngineMetrics.AnalysesCompleted.Add(1);
        return report;
    }

    private IEnumerable<EventRecord> Read(IEnumerable<AnalysisInput> inputs, IngestSession ingest, ProgressTracker tracker, CancellationToken cancellation)
    {
        foreach (var input in inputs)
        {
            cancellation.ThrowIfCancellationRequested();
            tracker.Start(input);
            var records = input.Path is { } path
                ? _ingester.Read([path], ingest, cancellation)
                : ReadStream(input, ingest, tracker, cancellation);
            foreach (var record in records)
            {
                tracker.Records++;
                yield return record;
            }
        }
    }

    private IEnumerable<EventRecord> ReadStream(AnalysisInput input, IngestSession ingest, ProgressTracker tracker, CancellationToken cancellation)
    {
        var counted = new CountingStream(input.Content!);
        var next = ProgressStep;
        foreach (var record in _ingester.ReadStream(counted, input.Name, ingest, cancellation))
        {
            if (counted.BytesRead >= next)
            {
                tracker.Report(input.Name, counted.BytesRead, input.Length);
                next = counted.BytesRead + ProgressStep;
            }

            yield return record;
        }

        tracker.Report(input.Name, counted.BytesRead, input.Length ?? counted.BytesRead);
    }
}
