using System.Diagnostics;
using System.Net;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Tests.Stores;

/// <summary>Two real service processes on one PostgreSQL database and one uploads folder; one is killed with -9 mid-analysis.</summary>
[TestClass]
public sealed class MultiInstanceTests
{
    private const double LeaseSeconds = 2;

    [TestMethod]
    public async Task TwoInstances_UploadsListedByBoth_KilledInstancesAnalysisFailsWithinTheLease_NothingElseChanges()
    {
        using var target = new StoreTarget("postgresql", LeaseSeconds);
        var started = await Task.WhenAll(
            ServiceProcess.StartAsync(target.Database, target.Uploads, "instance-a", LeaseSeconds),
            ServiceProcess.StartAsync(target.Database, target.Uploads, "instance-b", LeaseSeconds));
        using var a = started[0];
        using var b = started[1];

        // Uploads sent to both instances are listed, and readable, by both.
        var ids = new List<string>();
        foreach (var (instance, incident) in new[] { (a, "Q217147-clusdb-zero-bytes"), (b, "Q217147-outdated-checkpoint") })
        {
            using var posted = await instance.Client.PostAsync("/api/analyses?keep=true", Upload.Files(Upload.Incident(incident)));
            Assert.AreEqual(HttpStatusCode.Created, posted.StatusCode, await posted.Content.ReadAsStringAsync());
            ids.Add((string)(await Upload.Json(posted))["id"]!);
        }

        foreach (var instance in new[] { a, b })
        {
            var list = JObject.Parse(await instance.Client.GetStringAsync("/api/analyses"));
            CollectionAssert.AreEquivalent(ids, list["items"]!.Select(i => (string)i["id"]!).ToList());
        }

        var health = JObject.Parse(await b.Client.GetStringAsync("/health"));
        Assert.AreEqual(("postgresql", "instance-b", 2, true), ((string?)health["store"], (string?)health["instanceId"], (int)health["schemaVersion"]!, (bool)health["ready"]!));
        var before = await Task.WhenAll(ids.Select(id => b.Client.GetStringAsync($"/api/analyses/{id}")));

        // A slow upload to instance a, seen running from instance b.
        using var upload = new CancellationTokenSource();
        var events = JArray.Parse(File.ReadAllText(Upload.Sample("formats/KB293302/json/NODE1_System.json")));
        var slow = new StreamingJson(events, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(60));
        slow.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var sending = a.Client.PostAsync("/api/analyses", slow, upload.Token);
        var running = await Poll(b, async () =>
        {
            var list = JObject.Parse(await b.Client.GetStringAsync("/api/analyses"));
            return list["items"]!.FirstOrDefault(i => (string?)i["status"] == "running") is { } item ? (string)item["id"]! : null;
        });

        a.Kill();
        var killed = Stopwatch.StartNew();
        await upload.CancelAsync();
        await Assert.ThrowsAsync<Exception>(async () => await sending, "the connection to the killed instance breaks");

        // Near miss: right after the kill the lease still holds, so the analysis is still running.
        Assert.AreEqual("running", (string?)JObject.Parse(await b.Client.GetStringAsync($"/api/analyses/{running}"))["status"]);
        var failed = await Poll(b, async () =>
        {
            var analysis = JObject.Parse(await b.Client.GetStringAsync($"/api/analyses/{running}"));
            return (string?)analysis["status"] == "failed" ? analysis : null;
        });
        var elapsed = killed.Elapsed;

        StringAssert.StartsWith((string?)failed["error"], "instance stopped");
        // Expiry comes at most one lease after the last renewal, and is noticed within a third of a lease more.
        Assert.IsTrue(elapsed <= TimeSpan.FromSeconds(LeaseSeconds * 4 / 3 + 1), $"failed {elapsed.TotalSeconds:0.0} s after the kill, lease {LeaseSeconds} s");

        // Nothing else changed, including the analyses instance a made and kept.
        var after = await Task.WhenAll(ids.Select(id => b.Client.GetStringAsync($"/api/analyses/{id}")));
        CollectionAssert.AreEqual(before, after);
        Assert.AreEqual(3, (int)JObject.Parse(await b.Client.GetStringAsync("/api/analyses"))["total"]!);

        // Every log line carries the id of the instance that wrote it.
        var lines = b.Output.Where(l => l.Length > 0).ToList();
        Assert.IsTrue(lines.Count > 5);
        Assert.IsTrue(lines.All(l => l.Contains("[instance instance-b]", StringComparison.Ordinal)), string.Join('\n', lines.Where(l => !l.Contains("[instance instance-b]", StringComparison.Ordinal))));
        Assert.IsTrue(lines.Any(l => l.Contains("whose instance stopped", StringComparison.Ordinal)), "b logged the recovery");
    }

    /// <summary>Asks <paramref name="probe"/> every <paramref name="intervalMs"/> until it gives a value or <paramref name="seconds"/> pass.</summary>
    internal static async Task<T> Poll<T>(ServiceProcess instance, Func<Task<T?>> probe, int seconds = 60, int intervalMs = 50)
        where T : class
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(intervalMs);
        }

        Assert.Fail($"instance {instance.InstanceId} never reached the expected state within {seconds} s:\n{string.Join('\n', instance.Output.TakeLast(30))}");
        return null!;
    }
}
