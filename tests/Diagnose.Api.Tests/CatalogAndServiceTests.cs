using System.Net;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Tests;

/// <summary>Rules, articles, health, the OpenAPI document and the API page, unknown routes.</summary>
[TestClass]
public sealed class CatalogAndServiceTests
{
    private static ApiFactory _factory = null!;
    private static HttpClient _client = null!;

    [ClassInitialize]
    public static void Start(TestContext context)
    {
        _factory = new ApiFactory();
        _client = _factory.CreateClient();
    }

    [ClassCleanup]
    public static void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [TestMethod]
    public async Task Rules_ListAndOne_ComeFromTheLoadedRuleFilesWithoutServerPaths()
    {
        var list = JArray.Parse(await _client.GetStringAsync("/api/rules"));
        Assert.IsTrue(list.Count >= 10);
        var id = (string)list.First(r => (string?)r["kb"] == "Q188674")["id"]!;

        using var response = await _client.GetAsync($"/api/rules/{id}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Upload.AssertNoInternals(body);
        var rule = JObject.Parse(body);
        Assert.AreEqual(id, (string?)rule["definition"]!["id"]);
        Assert.IsNotNull(rule["definition"]!["when"]);
        StringAssert.EndsWith((string?)rule["file"], ".json");
    }

    [TestMethod]
    public async Task Kb_ListAndOne_GiveTheArticleWithItsPlans()
    {
        var list = JArray.Parse(await _client.GetStringAsync("/api/kb"));
        CollectionAssert.AreEquivalent(new[] { "KB293302", "Q188674", "Q217147" }, list.Select(a => (string)a["id"]!).ToArray());

        using var response = await _client.GetAsync("/api/kb/Q217147");
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Upload.AssertNoInternals(body);
        var article = JObject.Parse(body);
        Assert.IsTrue(article["plans"]!.Any());
        Assert.IsNull(article["source"]);
        Assert.AreEqual("Q217147.json", (string?)article["file"]);
    }

    [TestMethod]
    [DataRow("/api/rules/no.such.rule", "rule")]
    [DataRow("/api/kb/Q000000", "knowledge article")]
    public async Task Catalog_UnknownId_Returns404(string url, string what)
    {
        using var response = await _client.GetAsync(url);
        var problem = await Upload.Problem(response, 404, "not-found");
        StringAssert.Contains((string?)problem["detail"], what);
    }

    [TestMethod]
    public async Task Health_ReportsTheEngineAndSchema()
    {
        var health = JObject.Parse(await _client.GetStringAsync("/health"));
        Assert.AreEqual("healthy", (string?)health["status"]);
        Assert.AreEqual(3, (int)health["articles"]!);
        Assert.AreEqual(2, (int)health["schemaVersion"]!);
        Assert.IsTrue((bool)health["ready"]!);
        Assert.AreEqual("sqlite", (string?)health["store"]);
        Assert.IsFalse(string.IsNullOrWhiteSpace((string?)health["instanceId"]));
    }

    [TestMethod]
    public async Task OpenApi_DocumentsEveryEndpoint_AndTheApiPageIsServed()
    {
        var document = JObject.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var paths = ((JObject)document["paths"]!).Properties().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/analyses", "/api/analyses/{id}", "/api/rules", "/api/rules/{id}", "/api/kb", "/api/kb/{id}", "/api/validate", "/api/reanalyses", "/api/reanalyses/{id}", "/health" })
        {
            CollectionAssert.Contains(paths, path);
        }

        using var page = await _client.GetAsync("/scalar/v1");
        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
        StringAssert.Contains(await page.Content.ReadAsStringAsync(), "openapi/v1.json");
    }

    [TestMethod]
    public async Task UnknownRoute_Returns404ProblemJson()
    {
        using var response = await _client.GetAsync("/api/nothing-here");
        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
