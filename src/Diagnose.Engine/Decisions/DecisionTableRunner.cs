using Diagnose.Analysis;
using Diagnose.Core.Reports;
using Diagnose.Ingest.Detection;
using Diagnose.Knowledge.Decisions;

namespace Diagnose.Decisions;

/// <summary>
/// Runs the decision tables' cases through the whole product: each case's events are written as real log files in
/// each format (with its snapshot), analysed by the engine, and the report compared with the case's expectation.
/// </summary>
public static class DecisionTableRunner
{
    /// <summary>The formats every case is run in unless the caller chooses.</summary>
    public static IReadOnlyList<DecisionFormat> AllFormats { get; } = Enum.GetValues<DecisionFormat>();

    /// <summary>Every case of every loaded table, in each of <paramref name="formats"/> (all of them by default).</summary>
    public static IReadOnlyList<DecisionCaseResult> RunAll(DiagnoseEngine engine, IReadOnlyList<DecisionFormat>? formats = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return engine.Decisions
            .SelectMany(table => table.Rows.SelectMany(row => row.Cases.SelectMany(c => (formats ?? AllFormats).Select(f => Run(engine, table, row, c, f)))))
            .ToList();
    }

    /// <summary>One case of one row in one format.</summary>
    public static DecisionCaseResult Run(DiagnoseEngine engine, DecisionTable table, DecisionRow row, DecisionCase decisionCase, DecisionFormat format)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(decisionCase);
        var folder = Directory.CreateTempSubdirectory("diagnose-decisions-").FullName;
        try
        {
            var files = DecisionCaseWriter.Write(decisionCase, format, engine.Events, folder);
            var report = engine.Analyze(files, new AnalyzeOptions { ValidateFixes = false });
            var failures = Misread(format, report).Concat(ExpectationCheck.Compare(WithRowOutcome(row, decisionCase), report)).ToList();
            return new DecisionCaseResult(table.Article, row.Id, decisionCase.Kind, decisionCase.Name, format, failures);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Each log file must be read in the format it was written in, or the case would not test that format.</summary>
    private static IEnumerable<string> Misread(DecisionFormat format, AnalysisReport report)
    {
        var written = format switch
        {
            DecisionFormat.Evtx => FormatDetector.Evtx,
            DecisionFormat.EventViewerXml => FormatDetector.Xml,
            DecisionFormat.GetWinEventJson => FormatDetector.Json,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
        };
        return report.Inputs
            .Where(i => i.Format != FormatDetector.Snapshot && i.Format != written)
            .Select(i => $"{Path.GetFileName(i.Path)} was read as {i.Format}, not {written}");
    }

    /// <summary>
    /// The case's expectation plus what its row already says: a positive case gives the row's rule with its plan,
    /// confidence (and advice severity for a finding); near misses and contradicting cases of a diagnosis or finding
    /// do not give the row's rule.
    /// </summary>
    private static CaseExpectation WithRowOutcome(DecisionRow row, DecisionCase decisionCase)
    {
        var expect = decisionCase.Expect;
        if (row.Outcome.Rule is not { } rule)
        {
            return expect;
        }

        if (decisionCase.Kind == CaseKind.Positive)
        {
            var severity = row.Outcome.Kind == OutcomeKind.Finding ? "advice" : "incident";
            return expect with { Diagnoses = [new ExpectedDiagnosis(rule, row.Outcome.Plan, row.Confidence, severity), .. expect.Diagnoses] };
        }

        return row.Outcome.Kind is OutcomeKind.Diagnosis or OutcomeKind.Finding
            ? expect with { Absent = [rule, .. expect.Absent] }
            : expect;
    }
}
