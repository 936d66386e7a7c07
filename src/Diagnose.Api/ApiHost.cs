using Diagnose.Analysis;
using Diagnose.Api.Analyses;
using Diagnose.Api.Endpoints;
using Diagnose.Api.Http;
using Diagnose.Api.Instances;
using Diagnose.Api.Reanalysis;
using Diagnose.Api.Storage;
using Microsoft.Extensions.Logging.Console;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Diagnose.Api;

/// <summary>
/// Builds the service: one shared engine (rules compiled once), the store (SQLite or PostgreSQL) migrated
/// in the background while <c>/health</c> says "not ready", the lease keeper and re-analysis workers, the
/// endpoints, the OpenAPI document at <c>/openapi/v1.json</c> and the browsable reference at <c>/scalar</c>.
/// </summary>
public static class ApiHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<ApiOptions>(builder.Configuration.GetSection(ApiOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => DiagnoseEngine.Load(
            services.GetRequiredService<IOptions<ApiOptions>>().Value.ContentRoot is { Length: > 0 } root ? new EngineOptions { ContentRoot = Path.GetFullPath(root) } : null));
        builder.Services.AddSingleton(services => Database.Create(StoreLocation.Parse(services.GetRequiredService<IOptions<ApiOptions>>().Value.Database)));
        builder.Services.AddSingleton<InstanceIdentity>();
        builder.Services.AddSingleton<StoreReadiness>();
        builder.Services.AddSingleton<AnalysisStore>();
        builder.Services.AddSingleton<ReanalysisStore>();
        builder.Services.AddSingleton<ReanalysisProcessor>();
        builder.Services.AddSingleton<AnalysisRunner>();
        builder.Services.AddHostedService<StoreStartup>();
        builder.Services.AddHostedService<LeaseKeeper>();
        builder.Services.AddHostedService<ReanalysisWorker>();
        builder.Logging.AddConsole(console => console.FormatterName = InstanceConsoleFormatter.FormatterName)
            .AddConsoleFormatter<InstanceConsoleFormatter, ConsoleFormatterOptions>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();

        // A backstop above our own limit (which gives the precise 413); the upload endpoint lifts it per request.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, options) =>
            kestrel.Limits.MaxRequestBodySize = options.Value.MaxUploadBytes + (1 << 20));

        var app = builder.Build();

        // Fail at start, not at the first request, when the rules or the store's address are unusable
        // (the store itself is migrated in the background: StoreStartup).
        app.Services.GetRequiredService<DiagnoseEngine>();
        app.Services.GetRequiredService<AnalysisStore>();

        app.UseMiddleware<RequestLogMiddleware>();
        app.UseStatusCodePages();
        app.UseMiddleware<ReadinessMiddleware>();
        app.UseMiddleware<ApiKeyMiddleware>();

        app.MapGet("/health", (AnalysisStore store, StoreReadiness readiness, InstanceIdentity instance, DiagnoseEngine engine) =>
            {
                var ready = readiness.IsReady;
                var body = new
                {
                    status = ready ? "healthy" : readiness.Failure is null ? "starting" : "failed",
                    ready,
                    store = store.Kind == StoreKind.PostgreSql ? "postgresql" : "sqlite",
                    schemaVersion = readiness.SchemaVersion,
                    instanceId = instance.Id,
                    rules = engine.Rules.Rules.Count,
                    articles = engine.Knowledge.Articles.Count(),
                };
                return ApiJson.Result(body, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            })
            .WithTags("Service")
            .WithSummary("Readiness: 200 once the store is migrated, 503 before; the store kind, schema version, this instance's id, and the rule and article counts");

        AnalysisEndpoints.Map(app);
        CatalogEndpoints.Map(app);
        ValidateEndpoints.Map(app);
        WebUiEndpoints.Map(app);
        ReanalysisEndpoints.Map(app);
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }
}
