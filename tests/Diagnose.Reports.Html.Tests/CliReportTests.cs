using Newtonsoft.Json.Linq;
using PuppeteerSharp;

namespace Diagnose.Reports.Html.Tests;

/// <summary>
/// <c>diagnose analyze --format html</c> opened in headless Chromium: every evidence record of the JSON report is
/// on the timeline, in the proof and in the fix; every node has a lane and every plan step is listed; no request
/// leaves the page; a log value holding markup stays text.
/// </summary>
[TestClass]
public sealed class CliReportTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("KB293302-wins-rolling-upgrade")]
    [DataRow("Q188674-exchange-ds-restore")]
    [DataRow("Q217147-clusdb-zero-bytes")]
    [DataRow("Q217147-outdated-checkpoint")]
    public async Task AnalyzeHtml_BundledIncident_ShowsEveryEvidenceRecordLaneAndStep(string incident)
    {
        var folder = Incidents.Folder(incident);
        var json = JObject.Parse(Incidents.Run("analyze", folder, "--format", "json").Out);
        var file = Path.Combine(TestContext.TestResultsDirectory!, $"report-{incident}.html");
        var (exit, _, err) = Incidents.Run("analyze", folder, "--format", "html", "--out", file);
        Assert.AreEqual(0, exit, err);

        await using var page = await WatchedPage.OpenAsync();
        var url = new Uri(file).AbsoluteUri;
        await page.Page.GoToAsync(url);

        var diagnoses = (JArray)json["diagnoses"]!;
        Assert.IsNotEmpty(diagnoses, $"{incident} must give a diagnosis");
        var timeline = ReportPageScript.Parse(await page.Eval<string>(ReportPageScript.Keys("document", "[data-section=timeline] [data-view=incident] [data-key], [data-section=timeline] li[data-key]")));
        var lanes = (await page.Eval<string>(ReportPageScript.Texts("document", "[data-lane]"))).Split('\n');
        for (var i = 0; i < diagnoses.Count; i++)
        {
            var diagnosis = diagnoses[i];
            var section = $"document.getElementById('r0-d{i}')";
            Assert.AreEqual((string?)diagnosis["kb"], await page.Eval<string>($"{section}.dataset.kb"));
            var proof = ReportPageScript.Parse(await page.Eval<string>(ReportPageScript.Keys(section, "[data-section=proof] [data-key]")));
            var fix = ReportPageScript.Parse(await page.Eval<string>(ReportPageScript.Keys(section, "[data-section=fix] [data-key]")));
            foreach (var evidence in diagnosis["evidence"]!)
            {
                var key = Key(evidence);
                var source = (string)evidence["source"]!;
                Assert.IsTrue(timeline.ContainsKey(key), $"timeline lacks {key}");
                Assert.IsTrue(proof.TryGetValue(key, out var shown), $"proof lacks {key}");
                StringAssert.Contains(shown, source);
                StringAssert.Contains(shown, Position(evidence));
                Assert.IsTrue(fix.ContainsKey(key), $"fix lacks {key}");
                foreach (var value in evidence["data"]?.Select(d => (string?)d["value"]).OfType<string>() ?? [])
                {
                    StringAssert.Contains(shown, Collapse(value), $"proof of {key} lacks the insertion string '{value}'");
                }
            }

            CollectionAssert.IsSubsetOf(diagnosis["nodes"]!.Select(n => (string)n!).ToList(), lanes, "a node has no lane");
            var steps = (await page.Eval<string>(ReportPageScript.Texts(section, "[data-section=fix] li[data-step]"))).Split('\n');
            CollectionAssert.AreEqual(diagnosis["fix"]!["steps"]!.Select(s => Collapse((string)s!).Trim()).ToList(), steps);
            // Advice (the service pack) is not tried on the incident, so it has no verdict to show.
            if (diagnosis["fix"]!["validation"] is JObject validation)
            {
                Assert.AreEqual((string?)validation["verdict"], await page.Eval<string>($"{section}.querySelector('[data-section=fix] [data-verdict]').dataset.verdict"));
            }
        }

        Assert.AreEqual(url, string.Join(" ", page.Requests), "the page must load nothing but itself");
        StringAssert.StartsWith(await page.Eval<string>("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content"), "default-src 'none'; style-src 'sha256-");
        await Screenshot(page.Page, $"report-{incident}.png");
    }

    [TestMethod]
    public async Task AnalyzeHtml_EventDataHoldsMarkup_ShownAsTextNoElementNoScript()
    {
        var folder = Incidents.WithMarkup(Path.Combine(TestContext.TestResultsDirectory!, "markup-incident"));
        var file = Path.Combine(TestContext.TestResultsDirectory!, "report-markup.html");
        Assert.AreEqual(0, Incidents.Run("analyze", folder, "--format", "html", "--out", file).Exit);

        await using var page = await WatchedPage.OpenAsync();
        await page.Page.GoToAsync(new Uri(file).AbsoluteUri);

        StringAssert.Contains(await page.Eval<string>("document.querySelector('[data-section=proof]').textContent"), Incidents.Markup);
        Assert.AreEqual(0, await page.Eval<int>("document.querySelectorAll('img, script').length"));
        Assert.IsEmpty(page.Dialogs);
        Assert.HasCount(1, page.Requests, "only the page itself: an <img src=x> would have been fetched");
    }

    [TestMethod]
    public async Task MarkupChecks_PageWithTheValueUnescaped_DetectElementAndRequest()
    {
        // The contradicting case: the same checks on a copy where the value is written raw do see the element
        // and its request, so the test above can fail.
        var folder = Incidents.WithMarkup(Path.Combine(TestContext.TestResultsDirectory!, "markup-incident-raw"));
        var file = Path.Combine(TestContext.TestResultsDirectory!, "report-markup-raw.html");
        Assert.AreEqual(0, Incidents.Run("analyze", folder, "--format", "html", "--out", file).Exit);
        var html = await File.ReadAllTextAsync(file);
        const string escaped = "&lt;img src=x onerror=alert(1)&gt;";
        StringAssert.Contains(html, escaped);
        await File.WriteAllTextAsync(file, html.Replace(escaped, "<img src=x>", StringComparison.Ordinal));

        await using var page = await WatchedPage.OpenAsync();
        await page.Page.GoToAsync(new Uri(file).AbsoluteUri);

        Assert.AreEqual(1, await page.Eval<int>("document.querySelectorAll('img').length"));
    }

    [TestMethod]
    public async Task AnalyzeHtml_Control_SaysNoKnownRootCauseWithEmptyStates()
    {
        var file = Path.Combine(TestContext.TestResultsDirectory!, "report-control.html");
        Assert.AreEqual(0, Incidents.Run("analyze", Path.Combine(AppContext.BaseDirectory, "samples", "controls", "healthy-cluster"), "--format", "html", "--out", file).Exit);

        await using var page = await WatchedPage.OpenAsync();
        await page.Page.GoToAsync(new Uri(file).AbsoluteUri);

        StringAssert.Contains(await page.Eval<string>("document.querySelector('[data-verdict=none]').textContent"), "No known root cause");
        Assert.AreEqual(0, await page.Eval<int>("document.querySelectorAll('[data-section=diagnosis]').length"));
        StringAssert.Contains(await page.Eval<string>("document.querySelector('[data-section=ruled-out]').textContent"), "No candidate cause was ruled out");
    }

    internal static string Key(JToken e)
    {
        var what = e["eventId"] is { Type: JTokenType.Integer } id ? ((int)id).ToString(System.Globalization.CultureInfo.InvariantCulture) : (string)e["fact"]!;
        return $"{(string)e["source"]!}|{Position(e)}|{what}";
    }

    private static string Collapse(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private static string Position(JToken e) =>
        e["record"] is { Type: JTokenType.Integer } r ? $"record {(long)r}" : e["line"] is { Type: JTokenType.Integer } l ? $"line {(int)l}" : "-";

    private async Task Screenshot(IPage page, string name)
    {
        var path = Path.Combine(TestContext.TestResultsDirectory!, name);
        await page.ScreenshotAsync(path, new ScreenshotOptions { FullPage = true });
        TestContext.AddResultFile(path);
    }
}
