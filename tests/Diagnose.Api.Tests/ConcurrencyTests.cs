using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Tests;

/// <summary>Several uploads at once on one engine, live progress, client cancellation and the processing time limit.</summary>
[TestClass]
public sealed class ConcurrencyTests
{
    [TestMethod]
    public async Task Post_SixAtOnce_AllSucceedWithTheirOwnDiagnosis()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        var incidents = new[] { "KB293302-wins-rolling-upgrade", "Q188674-exchange-ds-restore", "Q217147-outdated-checkpoint", "Q217147-clusdb-zero-bytes" };
        var jobs = Enumerable.Range(0, 6).Select(async i =>
        {
            var incident = incidents[i % incidents.Length];
            using var response = await client.PostAsync("/api/analyses", Upload.Files(Upload.Incident(incident)));
            Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
            var analysis = await Upload.Json(response);
            Assert.AreEqual(incident[..incident.IndexOf('-', StringComparison.Ordinal)], (string?)analysis["diagnoses"]![0]!["kb"]);
            return (string)analysis["id"]!;
        }).ToList();

        var ids = await Task.WhenAll(jobs);

        Assert.AreEqual(6, ids.Distinct().Count());
        Assert.AreEqual(6, (int)JObject.Parse(await client.GetStringAsync("/api/analyses"))["total"]!);
    }

    [TestMethod]
    public async Task Post_ClientCancelsMidUpload_AnalysisIsFailedCleanly_AndProgressWasVisible()
    {
        using var factory = new ApiFactory();
        using var client = factory.StreamingClient();
        using var cancel = new CancellationTokenSource();
        var upload = client.PostAsync("/api/analyses", SlowJson(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30)), cancel.Token);

        // Bytes read are live; record counts follow the engine's progress reports (each MiB and each input's end).
        var running = await WaitFor(client, a => (string?)a["status"] == "running" && (long)a["progress"]!["bytesRead"]! > 1000);
        Assert.IsNull((double?)running["progress"]!["fraction"], "a chunked upload has no known total");
        await cancel.CancelAsync();
        await Assert.ThrowsAsync<OperationCanceledException>(() => upload);

        var failed = await WaitFor(client, a => (string?)a["status"] == "failed");
        StringAssert.Contains((string?)failed["error"], "cancelled");
    }

    [TestMethod]
    public async Task Post_SlowerThanTheTimeLimit_Returns503AndTheAnalysisIsFailed()
    {
        using var factory = new ApiFactory(maxSeconds: 1);
        using var client = factory.StreamingClient();

        using var response = await client.PostAsync("/api/analyses", SlowJson(TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(20)));

        var problem = await Upload.Problem(response, 503, "time-limit");
        StringAssert.Contains((string?)problem["detail"], "1 s");
        var analysis = JObject.Parse(await client.GetStringAsync($"/api/analyses/{problem["analysisId"]}"));
        Assert.AreEqual("failed", (string?)analysis["status"]);
    }

    [TestMethod]
    public async Task Shutdown_DuringAnUpload_FailsTheAnalysisInOneWrite()
    {
        var root = Path.Combine(Path.GetTempPath(), "diagnose-api-" + Guid.NewGuid().ToString("N"));
        var factory = new ApiFactory(root, keepFolder: true);
        try
        {
            // Real Kestrel on loopback: its graceful stop lets the running request write its answer.
            factory.UseKestrel(0);
            factory.StartServer();
            using var client = factory.StreamingClient();
            // The client goes on sending after the service has answered, and the stop waits for it: keep it short.
            var upload = client.PostAsync("/api/analyses", SlowJson(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(4)));
            var running = await WaitFor(client, a => (string?)a["status"] == "running" && (long)a["progress"]!["bytesRead"]! > 1000);

            // Stop the host the way SIGTERM does (disposing the factory would first drop the client's connection).
            factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
            try
            {
                using var response = await upload;
                await Upload.Problem(response, 503, "stopping");
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // The server answered before the client finished sending, and HttpClient gives up the send
                // instead of reading that answer; the stored record below is what this test is about.
            }

            await factory.DisposeAsync();

            using var restarted = new ApiFactory(root);
            using var again = restarted.CreateClient();
            var analysis = JObject.Parse(await again.GetStringAsync($"/api/analyses/{running["id"]}"));
            Assert.AreEqual("failed", (string?)analysis["status"]);
            StringAssert.Contains((string?)analysis["error"], "stopped before");
        }
        finally
        {
            await factory.DisposeAsync();
        }
    }

    /// <summary>A real Get-WinEvent export sent one event at a time, repeated until <paramref name="total"/> has passed.</summary>
    private static StreamingJson SlowJson(TimeSpan pause, TimeSpan total)
    {
        var events = JArray.Parse(File.ReadAllText(Upload.Sample("formats/KB293302/json/NODE1_System.json")));
        var content = new StreamingJson(events, pause, total);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<JObject> WaitFor(HttpClient client, Func<JObject, bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            var list = JObject.Parse(await client.GetStringAsync("/api/analyses"));
            if (list["items"]!.FirstOrDefault() is { } item)
            {
                var analysis = JObject.Parse(await client.GetStringAsync($"/api/analyses/{item["id"]}"));
                if (condition(analysis))
                {
                    return analysis;
                }
            }

            await Task.Delay(50);
        }

        Assert.Fail("the analysis never reached the expected state");
        return null!;
    }
}
