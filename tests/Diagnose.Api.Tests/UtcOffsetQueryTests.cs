using System.Net;

namespace Diagnose.Api.Tests;

/// <summary><c>POST /api/analyses?utcOffset=…</c>: the offsets of zone-less uploads, as <c>--utc-offset</c> takes them.</summary>
[TestClass]
public sealed class UtcOffsetQueryTests
{
    private static ApiFactory _factory = null!;
    private static HttpClient _client = null!;

    [ClassInitialize]
    public static void Start(TestContext context)
    {
        _factory = new ApiFactory();
        _client = _factory.StreamingClient();
    }

    [ClassCleanup]
    public static void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [TestMethod]
    public async Task Post_UtcOffsetPerNodeAndGlobal_IsAppliedAndReportedPerNode()
    {
        // '+' left unencoded in a query arrives as a space: it is read as the sign it was.
        var files = Directory.GetFiles(Upload.Sample("formats/KB293302/csv")).Order(StringComparer.Ordinal).ToArray();
        using var response = await _client.PostAsync("/api/analyses?utcOffset=NODE1=%2B00:00&utcOffset=+03:00", Upload.Files(files));

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
        var report = await Upload.Json(response);
        var nodes = report["clock"]!["nodes"]!.ToDictionary(n => (string)n["node"]!, n => (string)n["offset"]!);
        Assert.AreEqual(("+00:00", "+03:00"), (nodes["NODE1"], nodes["NODE2"]));
        var node2 = report["inputs"]!.Single(i => ((string)i["path"]!).EndsWith("NODE2_Application.csv", StringComparison.Ordinal));
        Assert.AreEqual("taken as UTC+03:00 (given) for NODE2", (string?)node2["clock"]);
    }

    [TestMethod]
    [DataRow("utcOffset=%2B2", "utcOffset '+2': '+2' is not an offset")]
    [DataRow("utcOffset=%2B15:00", "is outside the time zones' range")]
    [DataRow("utcOffset=%2B01:00&utcOffset=%2B02:00", "a global offset was already given (+01:00)")]
    public async Task Post_BadUtcOffset_ReturnsBadQuery(string query, string detail)
    {
        using var response = await _client.PostAsync($"/api/analyses?{query}", Upload.Files(Upload.Incident("Q188674-exchange-ds-restore")));

        var problem = await Upload.Problem(response, 400, "bad-query");
        StringAssert.Contains((string?)problem["detail"], detail);
    }
}
