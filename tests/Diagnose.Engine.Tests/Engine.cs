using Diagnose.Analysis;
using Diagnose.Core.Reports;

namespace Diagnose.Engine.Tests;

/// <summary>One engine for all tests (rules and articles load once), and paths to the bundled samples.</summary>
internal static class Engine
{
    private static readonly Lazy<DiagnoseEngine> Shared = new(() => DiagnoseEngine.Load());

    public static DiagnoseEngine Instance => Shared.Value;

    public static string Sample(string relative) => Path.Combine(AppContext.BaseDirectory, "samples", relative);

    public static AnalysisReport Analyze(params string[] paths) => Instance.Analyze(paths);

    /// <summary>File name and record number (or line) of each evidence event, for compact assertions.</summary>
    public static string[] EvidenceRefs(DiagnosisReport diagnosis) =>
        diagnosis.Evidence.Where(e => e.EventId is not null)
            .Select(e => $"{Path.GetFileName(e.Source)}#{(e.Record is long r ? r.ToString(System.Globalization.CultureInfo.InvariantCulture) : "line" + e.Line)}")
            .Order(StringComparer.Ordinal).ToArray();
}
