using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Diagnose.Api.Http;

/// <summary>When an API key is configured, every <c>/api</c> request must carry it in <c>X-Api-Key</c>; health and the API description stay open.</summary>
internal sealed class ApiKeyMiddleware
{
    public const string Header = "X-Api-Key";

    private readonly RequestDelegate _next;
    private readonly byte[]? _key;

    public ApiKeyMiddleware(RequestDelegate next, IOptions<ApiOptions> options)
    {
        _next = next;
        _key = string.IsNullOrEmpty(options.Value.ApiKey) ? null : Encoding.UTF8.GetBytes(options.Value.ApiKey);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (_key is null || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await _next(context);
            return;
        }

        var sent = context.Request.Headers[Header].ToString();
        string? detail = null;
        if (sent.Length == 0)
        {
            detail = $"this service requires an API key: send it in the {Header} header";
        }
        else if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), _key))
        {
            detail = $"the API key in the {Header} header is not valid";
        }

        if (detail is null)
        {
            await _next(context);
            return;
        }

        context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{Header}\"";
        await Problems.Result(StatusCodes.Status401Unauthorized, "unauthorized", "Unauthorized", detail).ExecuteAsync(context);
    }
}
