using System.Net;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Tests;

/// <summary><c>GET /api/analyses</c> with kb, node, since and pages, on a service of its own.</summary>
[TestClass]
public sealed class ListTests
{
    [TestMethod]
    public async Task List_FiltersByKbNodeAndSince_AndPages()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        var before = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        var ids = new Dictionary<string, string>();
        foreach (var incident in new[] { "KB293302-wins-rolling-upgrade", "Q188674-exchange-ds-restore", "Q217147-outdated-checkpoint" })
        {
            using var posted = await client.PostAsync("/api/analyses", Upload.Files(Upload.Incident(incident)));
            Assert.AreEqual(HttpStatusCode.Created, posted.StatusCode);
            ids[incident[..incident.IndexOf('-', StringComparison.Ordinal)]] = (string)(await Upload.Json(posted))["id"]!;
        }

        var all = await Page(client, "/api/analyses");
        Assert.AreEqual(3, (int)all["total"]!);
        Assert.IsNull((string?)all["next"]);

        var byKb = await Page(client, "/api/analyses?kb=q188674");
        CollectionAssert.AreEqual(new[] { ids["Q188674"] }, byKb["items"]!.Select(i => (string)i["id"]!).ToArray());
        CollectionAssert.AreEqual(new[] { "Q188674" }, byKb["items"]![0]!["kbs"]!.Values<string>().ToArray());

        var byNode = await Page(client, "/api/analyses?node=node2");
        CollectionAssert.AreEqual(new[] { ids["KB293302"] }, byNode["items"]!.Select(i => (string)i["id"]!).ToArray());

        Assert.AreEqual(3, (int)(await Page(client, $"/api/analyses?since={Uri.EscapeDataString(before)}"))["total"]!);
        Assert.AreEqual(0, (int)(await Page(client, "/api/analyses?since=2999-01-01T00:00:00Z"))["total"]!);

        var first = await Page(client, "/api/analyses?limit=2");
        Assert.AreEqual(2, first["items"]!.Count());
        var second = await Page(client, (string)first["next"]!);
        Assert.AreEqual(1, second["items"]!.Count());
        Assert.IsNull((string?)second["next"]);
        CollectionAssert.AreEquivalent(ids.Values.ToArray(), first["items"]!.Concat(second["items"]!).Select(i => (string)i["id"]!).ToArray());
    }

    [TestMethod]
    [DataRow("/api/analyses?since=yesterday", "since")]
    [DataRow("/api/analyses?limit=0", "limit")]
    [DataRow("/api/analyses?offset=-1", "offset")]
    public async Task List_BadQuery_Returns400(string url, string named)
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(url);

        var problem = await Upload.Problem(response, 400, "bad-query");
        StringAssert.Contains((string?)problem["detail"], named);
    }

    private static async Task<JObject> Page(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        return await Upload.Json(response);
    }
}
