using Diagnose.Api.Instances;

namespace Diagnose.Api.Http;

/// <summary>Until the store is migrated, <c>/api</c> requests get 503 <c>starting</c> (with Retry-After) instead of touching a half-built schema.</summary>
internal sealed class ReadinessMiddleware
{
    private readonly RequestDelegate _next;
    private readonly StoreReadiness _readiness;

    public ReadinessMiddleware(RequestDelegate next, StoreReadiness readiness)
    {
        _next = next;
        _readiness = readiness;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (_readiness.IsReady || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return _next(context);
        }

        context.Response.Headers.RetryAfter = "1";
        var detail = _readiness.Failure is { } failure
            ? $"the store could not be prepared: {failure}"
            : "the store is being migrated (or another instance holds the migration lock); try again shortly";
        return Problems.Result(StatusCodes.Status503ServiceUnavailable, "starting", "Service starting", detail).ExecuteAsync(context);
    }
}
