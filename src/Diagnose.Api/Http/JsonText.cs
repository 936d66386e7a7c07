namespace Diagnose.Api.Http;

/// <summary>Writes JSON that is already serialised (the report contract uses Newtonsoft's camelCase shape, as the CLI does).</summary>
internal sealed class JsonText : IResult
{
    private readonly string _json;
    private readonly int _status;
    private readonly string? _location;

    public JsonText(string json, int status = StatusCodes.Status200OK, string? location = null)
    {
        _json = json;
        _status = status;
        _location = location;
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = _status;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        if (_location is not null)
        {
            httpContext.Response.Headers.Location = _location;
        }

        return httpContext.Response.WriteAsync(_json, httpContext.RequestAborted);
    }
}
