namespace Diagnose.Api.Http;

/// <summary>
/// An HTML answer with the headers every page of the service carries: its Content-Security-Policy (the same
/// one the report sets in its meta tag), no MIME sniffing, no referrer, and no framing by other sites.
/// </summary>
internal sealed class HtmlPage : IResult
{
    private readonly string _html;
    private readonly string _policy;

    public HtmlPage(string html, string policy)
    {
        _html = html;
        _policy = policy;
    }

    /// <summary>True when the client asks for HTML (a browser, or <c>Accept: text/html</c>) rather than JSON.</summary>
    public static bool Wanted(HttpRequest request) =>
        request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1).FirstOrDefault() is { } first
        && first.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase);

    public static void Secure(HttpResponse response, string policy)
    {
        response.Headers.ContentSecurityPolicy = policy + "; frame-ancestors 'self'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        Secure(httpContext.Response, _policy);
        return httpContext.Response.WriteAsync(_html, httpContext.RequestAborted);
    }
}
