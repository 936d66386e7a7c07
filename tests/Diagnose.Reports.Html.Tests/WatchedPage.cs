using System.Collections.Concurrent;
using PuppeteerSharp;

namespace Diagnose.Reports.Html.Tests;

/// <summary>A browser tab that records every request it makes and every dialog a script tries to open.</summary>
internal sealed class WatchedPage : IAsyncDisposable
{
    private WatchedPage(IPage page) => Page = page;

    public IPage Page { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public ConcurrentQueue<string> Dialogs { get; } = new();

    public static async Task<WatchedPage> OpenAsync()
    {
        var watched = new WatchedPage(await Browser.Instance.NewPageAsync());
        watched.Page.Request += (_, e) => watched.Requests.Enqueue(e.Request.Url);
        watched.Page.Dialog += async (_, e) =>
        {
            watched.Dialogs.Enqueue(e.Dialog.Message);
            await e.Dialog.Dismiss();
        };
        return watched;
    }

    public Task<T> Eval<T>(string script) => Page.EvaluateExpressionAsync<T>(script);

    public async ValueTask DisposeAsync()
    {
        await Page.CloseAsync();
        await Page.DisposeAsync();
    }
}
