using Diagnose.Api.Http;
using Diagnose.Api.Reanalysis;
using Diagnose.Api.Storage;

namespace Diagnose.Api.Endpoints;

/// <summary><c>/api/reanalyses</c>: queue the stored cases to be analysed again with the current rules, and follow the job and its verdict diff.</summary>
internal static class ReanalysisEndpoints
{
    private const int MaxBodyBytes = 64 << 10;

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reanalyses").WithTags("Re-analysis");

        group.MapPost("/", async (HttpContext context, ReanalysisStore store, TimeProvider time) =>
            {
                if (context.Request.ContentLength > MaxBodyBytes)
                {
                    return Problems.Result(StatusCodes.Status413PayloadTooLarge, "upload-too-large", "Request too large", $"a re-analysis request is at most {MaxBodyBytes} bytes");
                }

                using var reader = new StreamReader(context.Request.Body);
                var buffer = new char[MaxBodyBytes + 1];
                var read = await reader.ReadBlockAsync(buffer, context.RequestAborted);
                if (read > MaxBodyBytes)
                {
                    return Problems.Result(StatusCodes.Status413PayloadTooLarge, "upload-too-large", "Request too large", $"a re-analysis request is at most {MaxBodyBytes} bytes");
                }

                if (!ReanalysisRequest.TryParse(new string(buffer, 0, read), out var request, out var type, out var detail))
                {
                    return type == "malformed-json"
                        ? Problems.Result(StatusCodes.Status400BadRequest, type, "Malformed JSON", detail)
                        : Problems.Result(StatusCodes.Status422UnprocessableEntity, type, "Invalid request", detail);
                }

                var (id, total) = store.Queue(request.Selection, request.Label, time.GetUtcNow());
                JobMetrics.Queued.Add(total);
                return new JsonText(ReanalysisResource.Text(store.Find(id)!), StatusCodes.Status202Accepted, $"/api/reanalyses/{id}");
            })
            .WithSummary("Analyse stored cases again with the current rules: all, by article (kb) or by creation time (since, until)")
            .WithDescription("JSON body {\"all\": true} or {\"kb\", \"since\", \"until\"} and an optional \"label\". Queues one job per stored analysis whose uploads were kept (?keep=true); every instance on the store takes jobs. Answers 202 with Location.")
            .Accepts<object>("application/json")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();

        group.MapGet("/{id}", (string id, ReanalysisStore store) =>
                id.Length == 32 && id.All(char.IsAsciiHexDigitLower) && store.Find(id) is { } status
                    ? new JsonText(ReanalysisResource.Text(status))
                    : Problems.NotFound("re-analysis", id))
            .WithSummary("A re-analysis: progress (queued, running, done, failed, retried) and, once finished, the verdict diff")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
