using System.Collections.Concurrent;
using Diagnose.Analysis;
using Diagnose.Api.Http;
using Diagnose.Api.Storage;
using Diagnose.Api.Uploads;
using Diagnose.Core.Reports;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Diagnose.Api.Analyses;

/// <summary>
/// Runs one upload through the shared engine while it streams in, within the size, file-count and time
/// bounds, and records the outcome. Cancellation (client gone, time limit, service stopping) fails the
/// analysis cleanly in one write.
/// </summary>
internal sealed partial class AnalysisRunner
{
    private readonly DiagnoseEngine _engine;
    private readonly AnalysisStore _store;
    private readonly ApiOptions _options;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<AnalysisRunner> _log;
    private readonly ConcurrentDictionary<string, LiveProgress> _live = new(StringComparer.Ordinal);

    public AnalysisRunner(DiagnoseEngine engine, AnalysisStore store, IOptions<ApiOptions> options, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<AnalysisRunner> log)
    {
        _engine = engine;
        _store = store;
        _options = options.Value;
        _time = time;
        _lifetime = lifetime;
        _log = log;
    }

    public LiveProgress? Live(string id) => _live.GetValueOrDefault(id);

    public async Task<IResult> RunAsync(HttpContext context, bool keep, IReadOnlyList<string> utcOffsets)
    {
        var request = context.Request;
        if (request.ContentLength > _options.MaxUploadBytes)
        {
            return Problems.Result(Problems.TooLarge(_options.MaxUploadBytes), null);
        }

        // The readers are synchronous and run on a worker thread; the body limit is ours (LimitedStream),
        // so going over it stops the analysis instead of looking like a damaged file.
        if (context.Features.Get<IHttpBodyControlFeature>() is { } body)
        {
            body.AllowSynchronousIO = true;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        var id = Guid.NewGuid().ToString("N");
        var start = _time.GetTimestamp();
        _store.Create(id, _time.GetUtcNow());
        var upload = new UploadInputs(request, _options, keep ? _store.UploadFolder(id) : null);
        var live = new LiveProgress(upload, request.ContentLength);
        _live[id] = live;

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.MaxProcessingSeconds), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timeout.Token, _lifetime.ApplicationStopping);
        // The readers block in synchronous reads; cancelling the pending read unblocks a stalled upload.
        using var unblock = linked.Token.Register(() => request.BodyReader.CancelPendingRead());
        AnalysisReport report;
        try
        {
            report = await _engine.AnalyzeAsync(upload.Read(linked.Token), new AnalyzeOptions { Reporter = live, UtcOffsets = utcOffsets }, linked.Token);
        }
        catch (UploadRejectedException e)
        {
            return Fail(id, upload, e.Message, Problems.Result(e, id));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && linked.IsCancellationRequested)
        {
            if (timeout.IsCancellationRequested)
            {
                var detail = $"the analysis did not finish within the processing time limit of {_options.MaxProcessingSeconds} s";
                return Fail(id, upload, detail, Problems.Result(StatusCodes.Status503ServiceUnavailable, "time-limit", "Processing time limit exceeded", detail, Id(id)));
            }

            if (_lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return Fail(id, upload, AnalysisStore.Interrupted, Problems.Result(StatusCodes.Status503ServiceUnavailable, "stopping", "Service stopping", AnalysisStore.Interrupted, Id(id)));
            }

            return Fail(id, upload, "the client cancelled the request", Results.Empty);
        }
        catch (IOException e)
        {
            // The request body itself failed (for example it ended before its declared length).
            var detail = $"the upload could not be read to its end: {UploadErrors.Describe(e)}";
            return Fail(id, upload, detail, Problems.Result(StatusCodes.Status400BadRequest, "bad-upload", "Malformed upload", detail, Id(id)));
        }
        finally
        {
            _live.TryRemove(id, out _);
        }

        if (report.Inputs.Count == 0)
        {
            const string none = "the upload holds no file: send one or more log files (multipart/form-data, any field names) or a body of events";
            return Fail(id, upload, none, Problems.Result(StatusCodes.Status400BadRequest, "no-input", "No input", none, Id(id)), report);
        }

        if (report.Inputs.All(i => i.Unreadable))
        {
            return Unreadable(id, upload, report);
        }

        if (!_store.Finish(id, "done", null, report, upload.Received, upload.BytesRead, _time.GetUtcNow()))
        {
            // This instance lost its lease (stalled past it) and another instance failed the analysis meanwhile.
            LogLostLease(_log, id);
        }

        LogAnalysis(_log, id, "done", report.Inputs.Count, report.Inputs.Sum(i => i.Records), report.Diagnoses.Count, _time.GetElapsedTime(start).TotalMilliseconds);
        return new JsonText(AnalysisResource.Json(_store.Find(id)!, null), StatusCodes.Status201Created, $"/api/analyses/{id}");
    }

    private IResult Unreadable(string id, UploadInputs upload, AnalysisReport report)
    {
        // Nothing could be read: a JSON body that does not parse is a bad request, anything else unprocessable.
        var problems = string.Join("; ", report.Inputs.Select(i => $"{i.Path}: {string.Join(", ", i.Errors.Select(Describe))}"));
        var malformedJson = upload.IsJsonBody && report.Inputs.Count == 1 && report.Inputs[0].Format is "json" or "snapshot";
        // Unrecognised content is reported at offset 0; an empty input has no offset.
        var unknown = report.Inputs.All(i => i.Format == "unknown" && i.Errors.Any(e => e.Offset == 0));
        var (status, type, title, detail) = malformedJson
            ? (StatusCodes.Status400BadRequest, "malformed-json", "Malformed JSON", $"the JSON body could not be read: {problems}")
            : unknown
                ? (StatusCodes.Status422UnprocessableEntity, "unknown-format", "Unknown format", $"no input is in a format Diagnose reads: {problems}")
                : (StatusCodes.Status422UnprocessableEntity, "unreadable-input", "Unreadable input", $"no input could be read: {problems}");
        var extensions = Id(id);
        extensions["inputs"] = report.Inputs.Select(i => new { path = i.Path, format = i.Format, errors = i.Errors.Select(e => new { message = e.Message, offset = e.Offset, line = e.Line, column = e.Column }) }).ToList();
        return Fail(id, upload, detail, Problems.Result(status, type, title, detail, extensions), report);
    }

    private static string Describe(InputError error)
    {
        var at = error.Offset is { } offset ? $" at offset {offset}" : error.Line is { } line ? $" at line {line}" + (error.Column is { } column ? $", column {column}" : "") : "";
        return error.Message + at;
    }

    private IResult Fail(string id, UploadInputs upload, string error, IResult result, AnalysisReport? report = null)
    {
        // Uploads are kept only for analyses that succeed.
        _store.Finish(id, "failed", error, report, upload.Received.Select(r => (r.Label, (string?)null)).ToList(), upload.BytesRead, _time.GetUtcNow());
        if (!KeptUploads.TryDelete(_store.UploadFolder(id)))
        {
            LogUploadsLeft(_log, id);
        }

        LogFailed(_log, id, error);
        return result;
    }

    private static Dictionary<string, object?> Id(string id) => new() { ["analysisId"] = id };

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Analysis {AnalysisId} {Status}: {Inputs} inputs, {Records} records, {Diagnoses} diagnoses in {ElapsedMilliseconds:0.0} ms")]
    private static partial void LogAnalysis(ILogger logger, string analysisId, string status, int inputs, long records, int diagnoses, double elapsedMilliseconds);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Analysis {AnalysisId}: its result was not written, another instance had failed it after this instance's lease expired")]
    private static partial void LogLostLease(ILogger logger, string analysisId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Analysis {AnalysisId} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string analysisId, string error);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Analysis {AnalysisId} failed and its partial uploads could not all be deleted")]
    private static partial void LogUploadsLeft(ILogger logger, string analysisId);
}
