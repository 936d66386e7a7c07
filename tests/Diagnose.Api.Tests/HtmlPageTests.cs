using System.Net;

namespace Diagnose.Api.Tests;

/// <summary>
/// <c>GET /api/analyses/{id}</c> answers the HTML report when HTML is asked for first, and the JSON resource
/// otherwise; <c>GET /</c> is the web UI with its Content-Security-Policy; both follow the API key rules.
/// </summary>
[TestClass]
public sealed class HtmlPageTests
{
    [TestMethod]
    public async Task GetAnalysis_AcceptHtml_IsTheReportPageWithItsPolicy_JsonOtherwise()
    {
        using var factory = new ApiFactory(apiKey: "k3y");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "k3y");
        using var created = await client.PostAsync("/api/analyses", Upload.Files(Upload.Incident("Q188674-exchange-ds-restore")));
        var id = (string)(await Upload.Json(created))["id"]!;

        using var html = await Get(client, $"/api/analyses/{id}", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        Assert.AreEqual("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        StringAssert.StartsWith(page, "<!DOCTYPE html>");
        StringAssert.Contains(page, "data-kb=\"Q188674\"");
        StringAssert.StartsWith(html.Headers.GetValues("Content-Security-Policy").Single(), "default-src 'none'; style-src 'sha256-");
        Upload.AssertNoInternals(page);

        // Near miss: HTML accepted but JSON preferred, and no Accept at all, give the JSON resource.
        using var preferJson = await Get(client, $"/api/analyses/{id}", "text/html;q=0.5, application/json");
        Assert.AreEqual("application/json", preferJson.Content.Headers.ContentType?.MediaType);
        using var none = await client.GetAsync($"/api/analyses/{id}");
        Assert.AreEqual("application/json", none.Content.Headers.ContentType?.MediaType);

        // Contradicting: without the key, HTML is refused like JSON.
        using var anonymous = factory.CreateClient();
        using var refused = await Get(anonymous, $"/api/analyses/{id}", "text/html");
        await Upload.Problem(refused, 401, "unauthorized");
    }

    [TestMethod]
    public async Task Root_IsTheWebUi_OpenWithoutTheKey_ScriptsOnlyFromTheService()
    {
        using var factory = new ApiFactory(apiKey: "k3y");
        using var client = factory.CreateClient();

        using var page = await client.GetAsync("/");
        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.AreEqual("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        StringAssert.Contains(policy, "script-src 'self';");
        StringAssert.Contains(policy, "connect-src 'self';");
        StringAssert.Contains(await page.Content.ReadAsStringAsync(), "<script src=\"/ui/app.js\" defer></script>");

        using var script = await client.GetAsync("/ui/app.js");
        Assert.AreEqual("text/javascript", script.Content.Headers.ContentType?.MediaType);
        var code = await script.Content.ReadAsStringAsync();
        Assert.IsFalse(code.Contains("innerHTML", StringComparison.Ordinal), "values go on the page as text only");

        // The page is open, its data is not.
        using var list = await client.GetAsync("/api/analyses");
        await Upload.Problem(list, 401, "unauthorized");
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string path, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        return client.SendAsync(request);
    }
}
