using Diagnose.Api.Http;
using Diagnose.Reports.Html;

namespace Diagnose.Api.Endpoints;

/// <summary>
/// <c>GET /</c>: the small web UI (upload with drag and drop and progress, the list with filters, each report),
/// three static files built into the assembly, no framework and nothing fetched from elsewhere. The UI calls
/// the same <c>/api</c> endpoints, with the same API key rules.
/// </summary>
internal static class WebUiEndpoints
{
    /// <summary>
    /// Script and styles only from this service; calls only to it; the report shown in a sandboxed frame keeps
    /// its own inline stylesheet, allowed by its hash.
    /// </summary>
    public static readonly string Policy =
        $"default-src 'none'; script-src 'self'; style-src 'self' {ReportStyle.Hash}; img-src data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/ui/app.js", "app.js", "text/javascript; charset=utf-8"),
        ("/ui/app.css", "app.css", "text/css; charset=utf-8"),
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (path, resource, contentType) in Files)
        {
            var bytes = Load(resource);
            app.MapGet(path, (HttpContext context) =>
            {
                HtmlPage.Secure(context.Response, Policy);
                return Results.Bytes(bytes, contentType);
            }).ExcludeFromDescription();
        }
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(WebUiEndpoints).Assembly.GetManifestResourceStream("Diagnose.Api.Ui." + name)
            ?? throw new InvalidOperationException($"the web UI file {name} is missing from the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
