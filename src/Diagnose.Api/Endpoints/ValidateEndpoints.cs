using Diagnose.Analysis;
using Diagnose.Api.Http;
using Diagnose.Api.Validation;
using Diagnose.Core.Reports;
using Diagnose.Simulation.Validation;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Diagnose.Api.Endpoints;

/// <summary>
/// <c>POST /api/validate</c>: runs a plan (an article's, by id, or a list of steps) on the simulated cluster,
/// on a scenario, a cluster snapshot or the plan's own case, with the same <see cref="FixValidation"/> step as
/// <c>diagnose validate</c>, and answers its result object. Bounded by the body size, the step count, single
/// faults unless <c>pairwise</c> is asked, and <see cref="ApiOptions.MaxValidationSeconds"/>.
/// </summary>
internal static class ValidateEndpoints
{
    /// <summary>A request is a plan and at most a snapshot: a few KiB. A MiB leaves room and still bounds the parse.</summary>
    public const int MaxBodyBytes = 1 << 20;

    private static readonly JsonSerializerSettings Json = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Formatting = Formatting.Indented,
        NullValueHandling = NullValueHandling.Ignore,
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/validate", HandleAsync)
            .WithTags("Validation")
            .WithSummary("Validate a fix plan on the simulated cluster under faults")
            .WithDescription("JSON body: {\"kb\": article id, \"plan\": plan or anti-plan id | \"steps\": [{\"op\", \"args\", \"text\"}] (as in kb/*.json) with an optional \"name\", "
                + "\"scenario\": a `diagnose simulate --list` name of that article with optional \"seed\" and \"nodes\" (2-4) | \"snapshot\": a cluster snapshot object "
                + "(neither: a named plan runs on its own case), \"pairwise\": true to add every pair of faults}. "
                + "Answers kb, plan, kind, verdict (validated, refuted or not-validated), faultSchedules, and counterexample (steps, faults, invariant, detail, events) or reason.")
            .Accepts<object>("application/json")
            .Produces<ValidationReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery();
    }

    private static async Task<IResult> HandleAsync(HttpContext context, DiagnoseEngine engine, IOptions<ApiOptions> options)
    {
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return Problems.Result(StatusCodes.Status413PayloadTooLarge, "upload-too-large", "Request too large", $"a validation request is at most {MaxBodyBytes} bytes");
        }

        ValidateRequest request;
        try
        {
            request = ValidateRequestReader.Read(body, engine);
        }
        catch (ValidateRequestException e)
        {
            return Problems.Result(e.Status, e.Type, e.Title, e.Message, e.Extensions);
        }

        var seconds = options.Value.MaxValidationSeconds;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, context.RequestAborted);
        try
        {
            var result = await Task.Run(() => engine.Validation.Validate(request.Article, request.Plan, request.Kind, request.Source, request.Pairwise ? 2 : 1, rule: null, linked.Token), linked.Token);
            return new JsonText(JsonConvert.SerializeObject(result, Json));
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            var detail = $"validating {request.Plan.Id} took longer than the limit of {seconds} s (Diagnose__MaxValidationSeconds)"
                + (request.Pairwise ? "; without 'pairwise' only single faults are run" : "");
            return Problems.Result(StatusCodes.Status503ServiceUnavailable, "time-limit", "Processing time limit exceeded", detail);
        }
    }

    /// <summary>The body as text, or null when it is over <see cref="MaxBodyBytes"/> (checked against Content-Length, then while reading).</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }
}
