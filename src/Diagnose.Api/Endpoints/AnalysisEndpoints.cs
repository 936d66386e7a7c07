using System.Globalization;
using Diagnose.Api.Analyses;
using Diagnose.Api.Http;
using Diagnose.Api.Storage;
using Diagnose.Core.Reports;

namespace Diagnose.Api.Endpoints;

/// <summary><c>/api/analyses</c>: upload and analyse, read one, list with filters and pages, delete.</summary>
internal static class AnalysisEndpoints
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 100;

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/analyses").WithTags("Analyses");

        group.MapPost("/", (HttpContext context, AnalysisRunner runner, string? keep) =>
            {
                var (flag, error) = QueryValues.Flag(context.Request, "keep");
                return error is null ? runner.RunAsync(context, flag ?? false) : Task.FromResult(Problems.BadQuery(error));
            })
            .WithSummary("Upload one or more logs (and optionally a cluster snapshot) and analyse them")
            .WithDescription("multipart/form-data with any field names (each part is one input, the format is found from its content), or any other body as one input (for example Get-WinEvent JSON or pasted event text; ?name= labels it). The upload is streamed to the engine. ?keep=true keeps the uploaded files under generated names.")
            .Produces<AnalysisReport>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery();

        group.MapGet("/{id}", async (string id, HttpContext context, AnalysisStore store, AnalysisRunner runner) =>
                !IsId(id) || store.Find(id) is not { } analysis ? Problems.NotFound("analysis", id)
                : HtmlPage.Wanted(context.Request) && analysis.Report is { } report ? await AnalysisPageHtml.Render(analysis, report)
                : new JsonText(AnalysisResource.Json(analysis, analysis.Status == "running" ? runner.Live(id) : null)))
            .WithSummary("One analysis: the report contract plus id, status and progress; with Accept: text/html, the report as an HTML page")
            .Produces<AnalysisReport>()
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/", (HttpRequest request, AnalysisStore store, string? kb, string? node, string? since, string? offset, string? limit) =>
            {
                // The typed parameters above only describe the query in the OpenAPI document; values are read strictly here.
                var (kbValue, kbError) = QueryValues.One(request, "kb");
                var (nodeValue, nodeError) = QueryValues.One(request, "node");
                var (from, sinceError) = QueryValues.Time(request, "since");
                var (offsetValue, offsetError) = QueryValues.Integer(request, "offset", 0, int.MaxValue);
                var (limitValue, limitError) = QueryValues.Integer(request, "limit", 1, MaxLimit);
                if (new[] { kbError, nodeError, sinceError, offsetError, limitError }.Where(e => e is not null).ToList() is { Count: > 0 } errors)
                {
                    return Problems.BadQuery(string.Join("; ", errors));
                }

                var filter = new AnalysisFilter(Empty(kbValue), Empty(nodeValue), from, offsetValue ?? 0, limitValue ?? DefaultLimit);
                var (items, total) = store.List(filter);
                var nextOffset = filter.Offset + items.Count;
                var next = nextOffset < total ? Next(filter, since, nextOffset) : null;
                return ApiJson.Result(new AnalysisPage(items, total, filter.Offset, filter.Limit, next));
            })
            .WithSummary("Analyses, newest first, filtered by article (kb), node and creation time (since), in pages (offset, limit)")
            .Produces<AnalysisPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapDelete("/{id}", (string id, AnalysisStore store) =>
                IsId(id) && store.Delete(id) ? Results.NoContent() : Problems.NotFound("analysis", id))
            .WithSummary("Delete an analysis and any uploads kept for it")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Ids are the 32 hex digits the service generates; nothing else is looked up.</summary>
    private static bool IsId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Next(AnalysisFilter filter, string? since, int offset)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("kb", filter.Kb);
        Add("node", filter.Node);
        Add("since", since);
        Add("offset", offset.ToString(CultureInfo.InvariantCulture));
        Add("limit", filter.Limit.ToString(CultureInfo.InvariantCulture));
        return "/api/analyses?" + string.Join("&", query);
    }
}
