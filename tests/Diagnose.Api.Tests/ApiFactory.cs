using Diagnose.Analysis;
using Diagnose.Api.Instances;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Diagnose.Api.Tests;

/// <summary>
/// The real service in memory, on its own data folder (a subfolder of <see cref="Root"/>, so tests can
/// check nothing is written beside it), with SQLite there or the given <c>database</c> (a PostgreSQL URL).
/// The host is handed out once its store is migrated. Disposing deletes the folder unless <c>keepFolder</c> is set.
/// </summary>
internal sealed class ApiFactory : WebApplicationFactory<Program>
{
    // The built-in rules and articles, loaded once for every in-memory host of the run (the service loads the same
    // ones at each start, and one engine serves all requests of a host anyway): a host starts in a fraction of the time.
    private static readonly Lazy<DiagnoseEngine> Engine = new(() => DiagnoseEngine.Load());

    private readonly bool _keepFolder;

    public ApiFactory(string? root = null, string? apiKey = null, long maxUpload = 16 << 20, int maxFiles = 16, int maxSeconds = 60, bool keepFolder = false, string? database = null)
    {
        Database = database;
        Root = root ?? Path.Combine(Path.GetTempPath(), "diagnose-api-" + Guid.NewGuid().ToString("N"));
        DataFolder = Path.Combine(Root, "data");
        ApiKey = apiKey;
        MaxUpload = maxUpload;
        MaxFiles = maxFiles;
        MaxSeconds = maxSeconds;
        _keepFolder = keepFolder;
    }

    public string Root { get; }

    /// <summary>A PostgreSQL URL, or null for SQLite in the data folder.</summary>
    public string? Database { get; }

    public string DataFolder { get; }

    public string? ApiKey { get; }

    public long MaxUpload { get; }

    public int MaxFiles { get; }

    public int MaxSeconds { get; }

    /// <summary>
    /// A client that streams request bodies: the default one follows redirects, so it buffers every body
    /// whole before sending it.
    /// </summary>
    public HttpClient StreamingClient() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Diagnose:Database", Database ?? Path.Combine(DataFolder, "diagnose.db"));
        if (Database is not null)
        {
            builder.UseSetting("Diagnose:Uploads", Path.Combine(DataFolder, "uploads"));
        }

        builder.UseSetting("Diagnose:MaxUploadBytes", MaxUpload.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Diagnose:MaxFiles", MaxFiles.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Diagnose:MaxProcessingSeconds", MaxSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (ApiKey is not null)
        {
            builder.UseSetting("Diagnose:ApiKey", ApiKey);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services => services.AddSingleton(Engine.Value));
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        // The store is migrated in the background (readiness); tests start once it is ready, or see why not.
        host.Services.GetRequiredService<StoreReadiness>().Ready.GetAwaiter().GetResult();
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (disposing && !_keepFolder && Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
