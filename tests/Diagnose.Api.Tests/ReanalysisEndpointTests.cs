using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Tests;

/// <summary><c>POST /api/reanalyses</c> and <c>GET /api/reanalyses/{id}</c> on one SQLite instance: a kept case analysed again, the selection, and bad requests.</summary>
[TestClass]
public sealed class ReanalysisEndpointTests
{
    [TestMethod]
    public async Task Reanalyze_KeptCaseWithTheSameRules_IsDoneAndUnchanged_NotKeptCaseIsNotSelected()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        using (var kept = await client.PostAsync("/api/analyses?keep=true", Upload.Files(Upload.Incident("Q188674-exchange-ds-restore"))))
        {
            Assert.AreEqual(HttpStatusCode.Created, kept.StatusCode);
        }

        using (var notKept = await client.PostAsync("/api/analyses", Upload.Files(Upload.Incident("Q217147-outdated-checkpoint"))))
        {
            Assert.AreEqual(HttpStatusCode.Created, notKept.StatusCode);
        }

        using var posted = await client.PostAsync("/api/reanalyses", Json("""{"kb": "q188674", "label": "same rules"}"""));
        Assert.AreEqual(HttpStatusCode.Accepted, posted.StatusCode, await posted.Content.ReadAsStringAsync());
        var location = posted.Headers.Location!.OriginalString;

        JObject status;
        var polls = 0;
        do
        {
            await Task.Delay(50);
            status = JObject.Parse(await client.GetStringAsync(location));
        }
        while ((string?)status["status"] != "done" && ++polls < 600);

        Assert.AreEqual(("done", 1, 1, 0, 1), ((string?)status["status"], (int)status["progress"]!["total"]!, (int)status["progress"]!["done"]!, ((JArray)status["changed"]!).Count, (int)status["unchanged"]!), status.ToString());
        Assert.AreEqual(("same rules", "q188674"), ((string?)status["label"], (string?)status["selection"]!["kb"]));

        using var all = await client.PostAsync("/api/reanalyses", Json(""));
        Assert.AreEqual(1, (int)(await Upload.Json(all))["progress"]!["total"]!, "the case without kept uploads cannot be read again");
    }

    [TestMethod]
    [DataRow("""{"kb": "Q188674", "colour": "red"}""", "unknown field 'colour'")]
    [DataRow("""{"all": true, "kb": "Q188674"}""", "cannot be combined")]
    [DataRow("""{"since": "last week"}""", "not a date and time")]
    [DataRow("""{"since": "2025-02-01T00:00:00Z", "until": "2025-01-01T00:00:00Z"}""", "'until' must be later than 'since'")]
    [DataRow("""[1, 2]""", "must be a JSON object")]
    public async Task Post_InvalidRequest_Is422WithWhere(string body, string detail)
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/reanalyses", Json(body));

        var problem = await Upload.Problem(response, 422, "invalid-request");
        StringAssert.Contains((string?)problem["detail"], detail);
        StringAssert.Contains((string?)problem["detail"], "line 1");
    }

    [TestMethod]
    public async Task Post_MalformedJson_Is400_UnknownId_Is404()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        using var malformed = await client.PostAsync("/api/reanalyses", Json("""{"kb": """));
        await Upload.Problem(malformed, 400, "malformed-json");
        using var unknown = await client.GetAsync("/api/reanalyses/0123456789abcdef0123456789abcdef");
        await Upload.Problem(unknown, 404, "not-found");
        using var notAnId = await client.GetAsync("/api/reanalyses/..%2F..%2Fetc");
        await Upload.Problem(notAnId, 404, "not-found");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
