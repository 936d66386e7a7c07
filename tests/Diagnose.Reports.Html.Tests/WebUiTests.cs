using PuppeteerSharp;

namespace Diagnose.Reports.Html.Tests;

/// <summary>
/// The web UI at <c>GET /</c> driven in headless Chromium: a bundled incident uploaded through the page shows its
/// report; the list filters by article; a log value holding markup stays text; nothing is fetched from elsewhere.
/// </summary>
[TestClass]
public sealed class WebUiTests
{
    private const string ReportFrame = "document.getElementById('report').contentDocument";

    private static UiServer? _server;

    public TestContext TestContext { get; set; } = null!;

    private static UiServer Server => _server!;

    [ClassInitialize]
    public static void Start(TestContext context) => _server = UiServer.Start();

    [ClassCleanup]
    public static void Stop() => _server?.Dispose();

    [TestMethod]
    public async Task UploadPage_BundledIncident_UploadsAndShowsItsReport()
    {
        await using var page = await WatchedPage.OpenAsync();
        await page.Page.GoToAsync(Server.Address.AbsoluteUri);

        await Upload(page, Directory.GetFiles(Incidents.Folder("KB293302-wins-rolling-upgrade")));

        Assert.AreEqual("KB293302", await page.Eval<string>($"{ReportFrame}.querySelector('[data-section=diagnosis]').dataset.kb"));
        StringAssert.Contains(await page.Eval<string>("document.getElementById('status').textContent"), "KB293302");
        var id = await page.Eval<string>("document.getElementById('report').dataset.id");
        await page.Page.WaitForFunctionAsync($"() => document.querySelector('#analyses tr[data-id=\"{id}\"]') !== null");
        StringAssert.Contains(await page.Eval<string>($"document.querySelector('#analyses tr[data-id=\"{id}\"]').textContent"), "KB293302");
        Assert.AreEqual(2, await page.Eval<int>($"new Set(Array.from({ReportFrame}.querySelectorAll('[data-lane]')).map(e => e.textContent)).size"), "one lane per node");

        // Filters: an article nothing was diagnosed with empties the list; the right one brings the row back.
        await Filter(page, "Q217147");
        await page.Page.WaitForFunctionAsync("() => document.querySelectorAll('#analyses tr').length === 0");
        await Filter(page, "KB293302");
        await page.Page.WaitForFunctionAsync($"() => document.querySelector('#analyses tr[data-id=\"{id}\"]') !== null");

        // Only the service; Chromium draws the date field's calendar icon from a data: URL, which is no network request.
        Assert.IsTrue(page.Requests.All(u => u.StartsWith(Server.Address.AbsoluteUri, StringComparison.Ordinal) || u.StartsWith("data:", StringComparison.Ordinal) || u == "about:srcdoc"), string.Join(" ", page.Requests));
        var path = Path.Combine(TestContext.TestResultsDirectory!, "web-ui.png");
        await page.Page.ScreenshotAsync(path, new ScreenshotOptions { FullPage = true });
        TestContext.AddResultFile(path);
    }

    [TestMethod]
    public async Task UploadPage_BundledIncidentDropped_UploadsAndShowsItsDiagnosis()
    {
        await using var page = await WatchedPage.OpenAsync();
        await page.Page.GoToAsync(Server.Address.AbsoluteUri);
        var files = Directory.GetFiles(Incidents.Folder("Q217147-clusdb-zero-bytes"))
            .Select(f => new { name = Path.GetFileName(f), base64 = Convert.ToBase64String(File.ReadAllBytes(f)) })
            .ToArray();

        // What a browser does when files are dragged from the desktop onto the drop zone: dragenter, dragover and
        // drop, each carrying a DataTransfer that holds the files. The page's own handlers do the rest.
        var hovered = await page.Page.EvaluateFunctionAsync<bool>(
            """
            (files) => {
                const zone = document.getElementById('drop');
                const data = new DataTransfer();
                for (const f of files) {
                    const bytes = Uint8Array.from(atob(f.base64), c => c.charCodeAt(0));
                    data.items.add(new File([bytes], f.name));
                }
                const fire = (type) => zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
                fire('dragenter');
                const accepted = !fire('dragover');
                const hovered = zone.classList.contains('over') && accepted;
                fire('drop');
                return hovered && !zone.classList.contains('over');
            }
            """,
            (object)files);
        Assert.IsTrue(hovered, "the drop zone takes the drag (dragover's default prevented, highlighted, then cleared on drop)");
        await page.Page.WaitForFunctionAsync(
            $"() => {{ const d = {ReportFrame}; return d !== null && d.querySelector('[data-section=glance]') !== null; }}",
            new WaitForFunctionOptions { Timeout = 60_000 });

        Assert.AreEqual("Q217147", await page.Eval<string>($"{ReportFrame}.querySelector('[data-section=diagnosis]').dataset.kb"));
        StringAssert.Contains(await page.Eval<string>("document.getElementById('status').textContent"), "Q217147");
        Assert.AreEqual(100, await page.Eval<int>("document.getElementById('progress').value"));
    }

    [TestMethod]
    public async Task UploadPage_EventDataHoldsMarkup_ShownAsTextNoElementNoScript()
    {
        await using var page = await WatchedPage.OpenAsync();
        await page.Page.GoToAsync(Server.Address.AbsoluteUri);

        var folder = Incidents.WithMarkup(Path.Combine(TestContext.TestResultsDirectory!, "markup-upload"));
        await Upload(page, Directory.GetFiles(folder));

        StringAssert.Contains(await page.Eval<string>($"{ReportFrame}.querySelector('[data-section=proof]').textContent"), Incidents.Markup);
        Assert.AreEqual(0, await page.Eval<int>($"{ReportFrame}.querySelectorAll('img, script').length"));
        Assert.AreEqual(0, await page.Eval<int>("document.querySelectorAll('img').length"));
        Assert.IsEmpty(page.Dialogs);
        Assert.IsFalse(page.Requests.Any(u => u.EndsWith("/x", StringComparison.Ordinal)), string.Join(" ", page.Requests));
    }

    private static async Task Upload(WatchedPage page, string[] files)
    {
        var input = await page.Page.QuerySelectorAsync("#files");
        await input.UploadFileAsync(files);
        await page.Page.WaitForFunctionAsync(
            $"() => {{ const d = {ReportFrame}; return d !== null && d.querySelector('[data-section=glance]') !== null; }}",
            new WaitForFunctionOptions { Timeout = 60_000 });
    }

    private static async Task Filter(WatchedPage page, string kb)
    {
        await page.Page.EvaluateExpressionAsync($"(() => {{ const f = document.getElementById('filter-kb'); f.value = '{kb}'; f.dispatchEvent(new Event('change')); }})()");
    }
}
