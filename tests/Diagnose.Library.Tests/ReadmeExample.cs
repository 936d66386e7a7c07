// README begin
using Diagnose.Analysis;
using Diagnose.Core.Reports;

namespace Diagnose.Library.Tests;

/// <summary>Diagnoses the logs of one folder as one case and prints each diagnosis with its fix.</summary>
internal static class ReadmeExample
{
    public static async Task<AnalysisReport> RunAsync(string incidentFolder, string[] customRules, TextWriter output, CancellationToken cancellation)
    {
        var engine = DiagnoseEngine.Load(new EngineOptions { ExtraRuleFolders = customRules });
        var inputs = Directory.GetFiles(incidentFolder).Select(AnalysisInput.FromFile);
        var options = new AnalyzeOptions { Reporter = new Progress<AnalysisProgress>(p => Console.Error.WriteLine($"{p.Input}: {p.BytesRead} bytes")) };
        var report = await engine.AnalyzeAsync(inputs, options, cancellation);
        foreach (var diagnosis in report.Diagnoses)
        {
            output.WriteLine($"{diagnosis.Kb}: {diagnosis.RootCause} ({diagnosis.Confidence:P0})");
            output.WriteLine($"  fix: {diagnosis.Fix?.Title}, evidence: {diagnosis.Evidence.Count} items");
        }

        return report;
    }
}
// README end
