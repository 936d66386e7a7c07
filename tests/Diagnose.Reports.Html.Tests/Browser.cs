using PuppeteerSharp;

// One shared Chromium serves every test: classes run one after another, because two classes driving it at once
// once left a DevTools call unanswered for the whole protocol timeout (180 s).
[assembly: DoNotParallelize]

namespace Diagnose.Reports.Html.Tests;

/// <summary>
/// One headless Chromium for the whole test run (Debian's <c>chromium</c>, which <c>.ci/run</c> installs; never a
/// downloaded build). <c>DIAGNOSE_CHROMIUM</c> names another binary.
/// </summary>
[TestClass]
public static class Browser
{
    private static IBrowser? _browser;

    public static IBrowser Instance => _browser ?? throw new InvalidOperationException("Chromium was not started");

    [AssemblyInitialize]
    public static async Task Start(TestContext context)
    {
        var path = Environment.GetEnvironmentVariable("DIAGNOSE_CHROMIUM") is { Length: > 0 } custom ? custom : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Chromium is needed for the HTML report tests and is not at {path}: install Debian's chromium (.ci/run does) or set DIAGNOSE_CHROMIUM");
        }

        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            // Root in a container has no user namespace for Chromium's sandbox; the pages are our own.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
            DefaultViewport = new ViewPortOptions { Width = 1200, Height = 900 },
        });
    }

    [AssemblyCleanup]
    public static async Task Stop()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }
    }
}
