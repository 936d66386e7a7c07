using System.Net;

namespace Diagnose.Api.Tests;

[TestClass]
public sealed class ApiKeyTests
{
    [TestMethod]
    public async Task ApiKey_Configured_MissingOrWrongIs401_RightPasses_HealthStaysOpen()
    {
        using var factory = new ApiFactory(apiKey: "s3cret-key");
        using var client = factory.CreateClient();

        using var missing = await client.GetAsync("/api/kb");
        var problem = await Upload.Problem(missing, 401, "unauthorized");
        StringAssert.Contains((string?)problem["detail"], "X-Api-Key");
        Assert.IsTrue(missing.Headers.WwwAuthenticate.Any());

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/analyses") { Content = Upload.Files(Upload.Incident("Q188674-exchange-ds-restore")) };
        wrong.Headers.Add("X-Api-Key", "s3cret-kez");
        using var wrongResponse = await client.SendAsync(wrong);
        var wrongProblem = await Upload.Problem(wrongResponse, 401, "unauthorized");
        StringAssert.Contains((string?)wrongProblem["detail"], "not valid");
        Assert.IsFalse(Directory.Exists(Path.Combine(factory.DataFolder, "uploads")), "nothing was accepted");

        using var right = new HttpRequestMessage(HttpMethod.Get, "/api/kb");
        right.Headers.Add("X-Api-Key", "s3cret-key");
        using var rightResponse = await client.SendAsync(right);
        Assert.AreEqual(HttpStatusCode.OK, rightResponse.StatusCode);

        using var health = await client.GetAsync("/health");
        Assert.AreEqual(HttpStatusCode.OK, health.StatusCode);
    }
}
