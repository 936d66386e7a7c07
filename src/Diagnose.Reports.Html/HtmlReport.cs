using Diagnose.Core.Reports;
using Diagnose.Reports.Html.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Diagnose.Reports.Html;

/// <summary>
/// The report as one HTML page that opens offline: styles inline, no script, every value from a log, a file
/// name or a snapshot escaped by the Razor renderer (no markup is ever built from strings).
/// </summary>
public static class HtmlReport
{
    public static Task<string> RenderAsync(AnalysisReport report, string? name = null) => RenderAsync([new NamedReport(name, report)]);

    public static async Task<string> RenderAsync(IReadOnlyList<NamedReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var services = new ServiceCollection().AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance).BuildServiceProvider();
        await using (services.ConfigureAwait(false))
        {
            await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ReportPage.Reports)] = reports });
                var output = await renderer.RenderComponentAsync<ReportPage>(parameters);
                return output.ToHtmlString();
            }).ConfigureAwait(false);
        }
    }
}
