using Diagnose.Analysis;
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
            return new DecisionCaseResult(table.Article, row.Id, decisionCase.Kind, decisionCase.Name, format, ExpectationCheck.Compare(decisionCase.Expect, report));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
