using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Diagnose.Reports.Html.Tests;

/// <summary>The real service on Kestrel on a free loopback port, with its own database folder, for the browser to reach.</summary>
internal sealed class UiServer : WebApplicationFactory<Diagnose.Api.Program>
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "diagnose-ui-" + Guid.NewGuid().ToString("N"));

    public static UiServer Start()
    {
        var server = new UiServer();
        server.UseKestrel(0);
        server.StartServer();
        return server;
    }

    public Uri Address => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Diagnose:Database", Path.Combine(_root, "diagnose.db"));
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (disposing && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
