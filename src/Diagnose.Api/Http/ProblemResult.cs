using System.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Http;

/// <summary>
/// An RFC 9457 problem+json body (type, title, status, detail, the extensions, and the request's traceId),
/// written with the service's one JSON stack (<see cref="ApiJson"/>).
/// </summary>
internal sealed class ProblemResult(int status, string type, string title, string detail, IDictionary<string, object?>? extensions) : IResult
{
    public int Status => status;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var body = new JObject
        {
            ["type"] = type,
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        };
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            body[name] = value is null ? JValue.CreateNull() : JToken.FromObject(value, ApiJson.Serializer);
        }

        body["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        return new JsonText(body.ToString(Formatting.None), status, contentType: "application/problem+json").ExecuteAsync(httpContext);
    }
}
