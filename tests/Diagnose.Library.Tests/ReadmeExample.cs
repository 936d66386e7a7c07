using Diagnose.Analysis;
using Diagnose.Core.Reports;

namespace Diagnose.Library.Tests;

/// <summary>
/// The embedding example of README.md and src/PACKAGE.md, verbatim between the markers; a test checks
/// both documents show exactly these lines and another runs them.
/// </summary>
internal static class ReadmeExample
{
    public static async Task<AnalysisReport> RunAsync(string incidentFolder, string[] customRules, TextWriter output, CancellationToken cancellation)
    {
        // README begin
        var engine = DiagnoseEngine.Load(new EngineOptions { ExtraRuleFolders = customRules });
        var inputs = Directory.GetFiles(incidentFolder).Select(AnalysisInput.FromFile);
        var options = new AnalyzeOptions { Reporter = new Progress<AnalysisProgress>(p => Console.Error.WriteLine($"{p.Input}: {p.BytesRead} bytes")) };
        var report = await engine.AnalyzeAsync(inputs, options, cancellation);
        foreach (var diagnosis in report.Diagnoses)
        {
            output.WriteLine($"{diagnosis.Kb}: {diagnosis.RootCause} ({diagnosis.Confidence:P0})");
            output.WriteLine($"  fix: {diagnosis.Fix?.Title}, evidence: {diagnosis.Evidence.Count} items");
        }
        // README end
        return report;
    }
}
