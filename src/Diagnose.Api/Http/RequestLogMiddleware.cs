using System.Diagnostics;

namespace Diagnose.Api.Http;

/// <summary>
/// One structured log entry per request (method, path, status, elapsed time), and a problem+json 500
/// without internals for anything unexpected: no stack trace or server path ever reaches the client.
/// </summary>
internal sealed partial class RequestLogMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<RequestLogMiddleware> _log;
    private readonly TimeProvider _time;

    public RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> log, TimeProvider time)
    {
        _next = next;
        _log = log;
        _time = time;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var start = _time.GetTimestamp();
        try
        {
            await _next(context);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            LogFailure(_log, e, context.Request.Method, context.Request.Path);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await Problems.Result(StatusCodes.Status500InternalServerError, "internal", "Internal error",
                    $"the request failed unexpectedly; quote trace id {Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier} when reporting it").ExecuteAsync(context);
            }
        }
        finally
        {
            LogRequest(_log, context.Request.Method, context.Request.Path, context.Response.StatusCode, _time.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "HTTP {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);
}
