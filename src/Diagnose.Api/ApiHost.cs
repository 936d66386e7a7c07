using Diagnose.Analysis;
using Diagnose.Api.Analyses;
using Diagnose.Api.Endpoints;
using Diagnose.Api.Http;
using Diagnose.Api.Storage;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Diagnose.Api;

/// <summary>
/// Builds the service: one shared engine (rules compiled once), the SQLite store, the endpoints, the
/// OpenAPI document at <c>/openapi/v1.json</c> and the browsable reference at <c>/scalar</c>.
/// </summary>
public static class ApiHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<ApiOptions>(builder.Configuration.GetSection(ApiOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => DiagnoseEngine.Load());
        builder.Services.AddSingleton<AnalysisStore>();
        builder.Services.AddSingleton<AnalysisRunner>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();

        // A backstop above our own limit (which gives the precise 413); the upload endpoint lifts it per request.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, options) =>
            kestrel.Limits.MaxRequestBodySize = options.Value.MaxUploadBytes + (1 << 20));

        var app = builder.Build();

        // Fail at start, not at the first request, when the rules or the database are unusable.
        app.Services.GetRequiredService<DiagnoseEngine>();
        app.Services.GetRequiredService<AnalysisStore>();

        app.UseMiddleware<RequestLogMiddleware>();
        app.UseStatusCodePages();
        app.UseMiddleware<ApiKeyMiddleware>();

        app.MapGet("/health", (AnalysisStore store, DiagnoseEngine engine) => Results.Ok(new
        {
            status = "healthy",
            rules = engine.Rules.Rules.Count,
            articles = engine.Knowledge.Articles.Count(),
            schemaVersion = store.SchemaVersion,
        })).WithTags("Service").WithSummary("Liveness: the engine's rule and article counts and the database schema version");

        AnalysisEndpoints.Map(app);
        CatalogEndpoints.Map(app);
        ValidateEndpoints.Map(app);
        WebUiEndpoints.Map(app);
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }
}
