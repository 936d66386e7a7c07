using Diagnose.Analysis;
using Diagnose.Api.Reanalysis;
using Diagnose.Api.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Diagnose.Api.Tests.Stores;

/// <summary>
/// 500 stored cases analysed again by two real instances on one PostgreSQL database with a rule changed on
/// purpose; one instance is killed (-9) half-way. Every case must get exactly one result, and the verdict
/// diff must be exactly the cases the change flips.
/// </summary>
[TestClass]
public sealed class ReanalysisAcrossInstancesTests
{
    private const double LeaseSeconds = 2;

    // Each status request counts the 500 jobs and reads the changed ones on instance b, which is also doing the
    // work: polled every 50 ms it took a share of b's time; every 250 ms the kill still lands near half-way.
    private const int StatusPollMs = 250;

    // Small cases keep the run short: the two articles' incidents and the near-miss controls.
    private static readonly string[] Controls = ["controls/near-miss-1002-other-error", "controls/near-miss-1042-other-resource", "controls/lone-1024", "controls/near-miss-609-alone", "controls/near-miss-412-standalone"];

    [TestMethod]
    public async Task Reanalyze500Cases_TwoInstancesOneKilledHalfWay_EachCaseOnce_DiffIsTheFlippedCases()
    {
        using var target = new StoreTarget("postgresql", LeaseSeconds);
        // The cases are stored before the processes start: a running instance fails a stored case's "running"
        // row whose (back-dated) lease has expired before Finish marks it done, so the two must not overlap.
        var (flipping, seeded) = Seed(target);
        var content = ChangedRules(target.Root);

        var started = await Task.WhenAll(
            ServiceProcess.StartAsync(target.Database, target.Uploads, "instance-a", LeaseSeconds, content),
            ServiceProcess.StartAsync(target.Database, target.Uploads, "instance-b", LeaseSeconds, content));
        using var a = started[0];
        using var b = started[1];

        using var posted = await a.Client.PostAsync("/api/reanalyses", new StringContent("""{"all": true, "label": "Q188674 error code changed on purpose"}""", System.Text.Encoding.UTF8, "application/json"));
        var queued = await Upload.Json(posted);
        Assert.AreEqual(202, (int)posted.StatusCode, queued.ToString());
        Assert.AreEqual(500, (int)queued["progress"]!["total"]!);
        var location = posted.Headers.Location!.OriginalString;

        // Half-way, instance a dies without a word.
        await MultiInstanceTests.Poll(b, async () =>
        {
            var progress = JObject.Parse(await b.Client.GetStringAsync(location))["progress"]!;
            return (int)progress["done"]! >= 250 ? progress : null;
        }, seconds: 120, intervalMs: StatusPollMs);
        a.Kill();

        var finished = await MultiInstanceTests.Poll(b, async () =>
        {
            var status = JObject.Parse(await b.Client.GetStringAsync(location));
            return (string?)status["status"] == "done" ? status : null;
        }, seconds: 120, intervalMs: StatusPollMs);

        var progress = finished["progress"]!;
        Assert.AreEqual((500, 500, 0, 0, 0), ((int)progress["total"]!, (int)progress["done"]!, (int)progress["failed"]!, (int)progress["queued"]!, (int)progress["running"]!), finished.ToString());
        Assert.AreEqual(500 - flipping.Count, (int)finished["unchanged"]!);

        // The diff is exactly the Q188674 cases: their diagnoses as stored before, none of that article after.
        var changed = finished["changed"]!.ToDictionary(c => (string)c["analysisId"]!);
        CollectionAssert.AreEquivalent(flipping.ToList(), changed.Keys.ToList());
        foreach (var (analysisId, change) in changed)
        {
            var before = change["before"]!.ToObject<List<VerdictLine>>()!;
            CollectionAssert.AreEqual(seeded[analysisId], before);
            CollectionAssert.Contains(before.Select(l => l.Rule).ToList(), "Q188674.restore-marker-overwritten");
            Assert.IsFalse(change["after"]!.Any(l => (string?)l["kb"] == "Q188674"), change.ToString());
        }

        // Exactly once: one job per case, each with one result, written by either instance; a job a held when
        // it died was taken again by b (attempt 2) and counted as retried.
        var instance = target.Instance("reader");
        using var connection = instance.Database.Open();
        var id = location[(location.LastIndexOf('/') + 1)..];
        Assert.AreEqual(500L, Sql.Long(connection, null, "SELECT COUNT(DISTINCT analysis_id) FROM reanalysis_jobs WHERE reanalysis_id = @id AND state = 'done' AND finished_at IS NOT NULL AND after_verdicts IS NOT NULL", ("@id", id)));
        Assert.AreEqual(500L, Sql.Long(connection, null, "SELECT COUNT(*) FROM reanalysis_jobs WHERE reanalysis_id = @id", ("@id", id)));
        var byA = Sql.Long(connection, null, "SELECT COUNT(*) FROM reanalysis_jobs WHERE reanalysis_id = @id AND instance_id = 'instance-a'", ("@id", id));
        Assert.IsTrue(byA is >= 1 and < 500, $"instance a wrote {byA} results before it was killed");
        var retaken = Sql.Long(connection, null, "SELECT COUNT(*) FROM reanalysis_jobs WHERE reanalysis_id = @id AND attempts > 1", ("@id", id));
        Assert.AreEqual(retaken, (long)(int)progress["retried"]!);
        Assert.IsTrue(retaken <= 1, "one worker on instance a: at most one job was in flight when it died");
        Assert.AreEqual(0L, Sql.Long(connection, null, "SELECT COUNT(*) FROM reanalysis_jobs WHERE reanalysis_id = @id AND attempts > 1 AND instance_id <> 'instance-b'", ("@id", id)));
    }

    /// <summary>Stores 500 done analyses with kept uploads: every 20th a Q188674 incident (the ones the changed rule flips), every 20th a KB293302 one, the rest near-miss controls.</summary>
    private static (HashSet<string> Flipping, Dictionary<string, List<VerdictLine>> Before) Seed(StoreTarget target)
    {
        var engine = DiagnoseEngine.Load();
        var samples = new[] { "incidents/Q188674-exchange-ds-restore", "incidents/KB293302-wins-rolling-upgrade" }.Concat(Controls)
            .ToDictionary(s => s, s =>
            {
                var files = Directory.GetFiles(Upload.Sample(s)).Order(StringComparer.Ordinal).ToArray();
                var report = engine.Analyze(files.Select(f => AnalysisInput.FromStream(Path.GetFileName(f), File.OpenRead(f))).ToList());
                return (Files: files, Report: report);
            });

        var seed = target.Instance("seed");
        seed.Analyses.Migrate(DateTimeOffset.UtcNow);
        var flipping = new HashSet<string>(StringComparer.Ordinal);
        var before = new Dictionary<string, List<VerdictLine>>(StringComparer.Ordinal);
        var created = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 500; i++)
        {
            var sample = (i % 20) switch
            {
                0 => "incidents/Q188674-exchange-ds-restore",
                1 => "incidents/KB293302-wins-rolling-upgrade",
                _ => Controls[i % Controls.Length],
            };
            var (files, report) = samples[sample];
            var id = i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
            Directory.CreateDirectory(Path.Combine(target.Uploads, id));
            var kept = files.Select((f, n) =>
            {
                File.Copy(f, Path.Combine(target.Uploads, id, $"{n + 1}.upload"));
                return (Path.GetFileName(f), (string?)$"{id}/{n + 1}.upload");
            }).ToList();
            seed.Analyses.Create(id, created.AddMinutes(i));
            Assert.IsTrue(seed.Analyses.Finish(id, "done", null, report, kept, 0, created.AddMinutes(i)));
            before[id] = VerdictLine.From(JObject.FromObject(report, JsonSerializer.Create(new JsonSerializerSettings { ContractResolver = new CamelCasePropertyNamesContractResolver() })));
            if (sample.Contains("Q188674", StringComparison.Ordinal))
            {
                flipping.Add(id);
            }
        }

        Assert.AreEqual(25, flipping.Count);
        Assert.IsTrue(samples.Values.Where(s => s.Report.Diagnoses.Count == 0).Count() == Controls.Length, "the controls diagnose nothing, before and after");
        return (flipping, before);
    }

    /// <summary>
    /// A copy of the rules and articles where Q188674's rule wants JET error -529 instead of -528 (the article's
    /// "returned error -528"), so the bundled Q188674 incident no longer matches it.
    /// </summary>
    private static string ChangedRules(string root)
    {
        var content = Path.Combine(root, "content");
        foreach (var folder in new[] { "rules", "kb" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, folder), "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(content, Path.GetRelativePath(AppContext.BaseDirectory, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
        }

        var rule = Path.Combine(content, "rules", "Q188674", "directory-restore-marker-overwritten.json");
        var text = File.ReadAllText(rule);
        StringAssert.Contains(text, "database.error == -528");
        // Its examples expect -528 to fire; they go with the change so the copy stays a consistent rule set.
        var changed = JObject.Parse(text.Replace("database.error == -528", "database.error == -529", StringComparison.Ordinal));
        changed.Remove("examples");
        File.WriteAllText(rule, changed.ToString());
        return content;
    }
}
