using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Diagnose.Api.Http;

/// <summary>
/// The service's JSON: camelCase names, written by Newtonsoft.Json as the report contract is, for every
/// response body (lists, health, catalog, problems), so clients never see two serializers' conventions.
/// </summary>
internal static class ApiJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        DateParseHandling = DateParseHandling.None,
    };

    public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    /// <summary>A JSON body with a status (200 unless given).</summary>
    public static IResult Result(object value, int status = StatusCodes.Status200OK) =>
        new JsonText(JsonConvert.SerializeObject(value, Settings), status);
}
