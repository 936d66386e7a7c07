using System.Net.Http.Headers;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Tests;

/// <summary>Sample inputs and request helpers.</summary>
internal static class Upload
{
    public static string Sample(string relative) => Path.Combine(AppContext.BaseDirectory, "samples", relative);

    public static string[] Incident(string name) => Directory.GetFiles(Sample(Path.Combine("incidents", name))).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Multipart with each file under its own field name and file name.</summary>
    public static MultipartFormDataContent Files(params string[] files) =>
        Parts(files.Select((f, i) => ($"file{i}", Path.GetFileName(f), File.ReadAllBytes(f))).ToArray());

    public static MultipartFormDataContent Parts(params (string Field, string FileName, byte[] Bytes)[] parts)
    {
        var content = new MultipartFormDataContent();
        foreach (var (field, fileName, bytes) in parts)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, field, fileName);
        }

        return content;
    }

    public static async Task<JObject> Json(HttpResponseMessage response) =>
        JObject.Parse(await response.Content.ReadAsStringAsync());

    /// <summary>Asserts an RFC 9457 problem with this status and type, and returns it.</summary>
    public static async Task<JObject> Problem(HttpResponseMessage response, int status, string type)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(status, (int)response.StatusCode, body);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType, body);
        var problem = JObject.Parse(body);
        Assert.AreEqual(status, (int)problem["status"]!);
        Assert.AreEqual("urn:diagnose:problem:" + type, (string?)problem["type"], body);
        Assert.IsFalse(string.IsNullOrWhiteSpace((string?)problem["detail"]), "a problem always has a detail");
        AssertNoInternals(body);
        return problem;
    }

    /// <summary>No stack trace or server path in anything sent to a client.</summary>
    public static void AssertNoInternals(string body)
    {
        StringAssert.DoesNotMatch(body, new System.Text.RegularExpressions.Regex(@"\bat [\w.]+\(|\.cs:line|Exception:"));
        Assert.IsFalse(body.Contains(AppContext.BaseDirectory, StringComparison.Ordinal), "a server path leaked: " + body);
        Assert.IsFalse(body.Contains(Path.GetTempPath(), StringComparison.Ordinal), "a server path leaked: " + body);
    }
}
