using Diagnose.Api.Http;
using Diagnose.Api.Storage;
using Diagnose.Core.Reports;
using Diagnose.Reports;
using Diagnose.Reports.Html;
using Newtonsoft.Json;

namespace Diagnose.Api.Analyses;

/// <summary>A stored analysis as the same HTML page <c>diagnose analyze --format html</c> writes.</summary>
internal static class AnalysisPageHtml
{
    public static async Task<IResult> Render(StoredAnalysis analysis, string reportJson)
    {
        var report = JsonConvert.DeserializeObject<AnalysisReport>(reportJson, ReportJson.Settings)
            ?? throw new InvalidOperationException($"analysis {analysis.Id} has an empty report");
        var html = await HtmlReport.RenderAsync(report, $"analysis {analysis.Id}, {analysis.CreatedAt}");
        return new HtmlPage(html, ReportStyle.ContentSecurityPolicy);
    }
}
