namespace Diagnose.Api.Http;

/// <summary>
/// Writes JSON that is already serialised. Every JSON body of the service goes through here, written by
/// Newtonsoft.Json (<see cref="ApiJson"/>), the serializer of the report contract, so the service has one JSON stack.
/// </summary>
internal sealed class JsonText : IResult
{
    private readonly string _json;
    private readonly int _status;
    private readonly string? _location;
    private readonly string _contentType;

    public JsonText(string json, int status = StatusCodes.Status200OK, string? location = null, string contentType = "application/json; charset=utf-8")
    {
        _json = json;
        _status = status;
        _location = location;
        _contentType = contentType;
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = _status;
        httpContext.Response.ContentType = _contentType;
        if (_location is not null)
        {
            httpContext.Response.Headers.Location = _location;
        }

        return httpContext.Response.WriteAsync(_json, httpContext.RequestAborted);
    }
}
