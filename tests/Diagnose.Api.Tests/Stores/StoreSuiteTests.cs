using Diagnose.Analysis;
using Diagnose.Api.Reanalysis;
using Diagnose.Api.Storage;
using Diagnose.Core.Reports;

namespace Diagnose.Api.Tests.Stores;

/// <summary>
/// The store contract, run on SQLite and on a real PostgreSQL server: migrations under the lock, analyses and
/// their filters, leases of running analyses, and re-analysis jobs taken once and written once.
/// </summary>
[TestClass]
public sealed class StoreSuiteTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<(AnalysisReport Kb293302, AnalysisReport Q188674)> Reports = new(() =>
    {
        var engine = DiagnoseEngine.Load();
        return (engine.Analyze(Upload.Incident("KB293302-wins-rolling-upgrade")), engine.Analyze(Upload.Incident("Q188674-exchange-ds-restore")));
    });

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task Migrate_FourInstancesStartingTogether_MigrateOnceToTheLatestVersion(string kind)
    {
        using var target = new StoreTarget(kind);
        var instances = Enumerable.Range(0, 4).Select(i => target.Instance($"i{i}")).ToList();

        var versions = await Task.WhenAll(instances.Select(i => Task.Run(() => i.Analyses.Migrate(T0))));

        CollectionAssert.AreEqual(new[] { Migrations.Latest, Migrations.Latest, Migrations.Latest, Migrations.Latest }, versions);
        using var connection = instances[0].Database.Open();
        Assert.AreEqual(1L, Sql.Long(connection, null, "SELECT COUNT(*) FROM schema_version"));
        Assert.AreEqual((long)Migrations.Latest, Sql.Long(connection, null, "SELECT version FROM schema_version"));
        Assert.AreEqual(0L, Sql.Long(connection, null, "SELECT COUNT(*) FROM reanalysis_jobs"), "the last migration's table exists");
        Assert.AreEqual(Migrations.Latest, instances[1].Analyses.Migrate(T0), "migrating again changes nothing");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public void Migrate_StoreNewerThanTheService_IsRefusedWithBothVersions(string kind)
    {
        using var target = new StoreTarget(kind);
        var instance = target.Instance("a");
        instance.Analyses.Migrate(T0);
        using (var connection = instance.Database.Open())
        {
            Sql.Execute(connection, null, "UPDATE schema_version SET version = 99");
        }

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => instance.Analyses.Migrate(T0));
        StringAssert.Contains(error.Message, "schema version 99, newer than this service (2)");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public void Analyses_WrittenByOneInstance_AreFoundAndFilteredByAnother(string kind)
    {
        using var target = new StoreTarget(kind);
        var a = target.Instance("a");
        var b = target.Instance("b");
        a.Analyses.Migrate(T0);
        var (kb293302, q188674) = Reports.Value;
        a.Analyses.Create("00000000000000000000000000000001", T0);
        Assert.IsTrue(a.Analyses.Finish("00000000000000000000000000000001", "done", null, kb293302, [("NODE1_System.csv", null), ("NODE2_System.csv", null), ("snapshot.json", null)], 1234, T0.AddSeconds(1)));
        b.Analyses.Create("00000000000000000000000000000002", T0.AddMinutes(1));
        Assert.IsTrue(b.Analyses.Finish("00000000000000000000000000000002", "done", null, q188674, q188674.Inputs.Select(i => (i.Path, (string?)$"00000000000000000000000000000002/{i.Path}")).ToList(), 99, T0.AddMinutes(2)));

        var found = a.Analyses.Find("00000000000000000000000000000002")!;
        Assert.AreEqual("done", found.Status);
        Assert.AreEqual("b", found.InstanceId);
        Assert.AreEqual(q188674.Inputs.Count, found.Inputs.Count);
        Assert.IsTrue(found.Inputs.All(i => i.KeptFile is not null && !i.Unreadable));
        StringAssert.Contains(found.Report, "\"kb\":\"Q188674\"");

        // Filters: article and node compare case-insensitively on both stores; newest first; pages.
        Assert.AreEqual(1, b.Analyses.List(new AnalysisFilter("kb293302", null, null, 0, 10)).Total);
        Assert.AreEqual("00000000000000000000000000000001", b.Analyses.List(new AnalysisFilter("KB293302", null, null, 0, 10)).Items.Single().Id);
        Assert.AreEqual(0, b.Analyses.List(new AnalysisFilter("Q217147", null, null, 0, 10)).Total, "near miss: an article neither has");
        var node = q188674.Diagnoses[0].Nodes[0];
        Assert.AreEqual("00000000000000000000000000000002", b.Analyses.List(new AnalysisFilter(null, node.ToLowerInvariant(), null, 0, 10)).Items.Single().Id);
        var all = b.Analyses.List(new AnalysisFilter(null, null, null, 0, 1));
        Assert.AreEqual(2, all.Total);
        Assert.AreEqual("00000000000000000000000000000002", all.Items.Single().Id, "newest first");
        CollectionAssert.AreEqual(q188674.Diagnoses.Select(d => d.Kb).Distinct().Order().ToList(), all.Items.Single().Kbs.ToList());
        Assert.AreEqual("00000000000000000000000000000001", b.Analyses.List(new AnalysisFilter(null, null, T0.AddSeconds(-1), 1, 1)).Items.Single().Id);
        Assert.AreEqual(1, b.Analyses.List(new AnalysisFilter(null, null, T0.AddSeconds(30), 0, 10)).Total, "since");

        Assert.IsTrue(b.Analyses.Delete("00000000000000000000000000000001"));
        Assert.IsNull(a.Analyses.Find("00000000000000000000000000000001"));
        Assert.AreEqual(0, a.Analyses.List(new AnalysisFilter("KB293302", null, null, 0, 10)).Total, "its keys went with it");
        Assert.IsFalse(b.Analyses.Delete("00000000000000000000000000000001"));
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public void Lease_OnlyAnExpiredLeaseFailsTheAnalysis_WithInstanceStopped(string kind)
    {
        using var target = new StoreTarget(kind, leaseSeconds: 30);
        var a = target.Instance("a");
        var b = target.Instance("b");
        a.Analyses.Migrate(T0);
        a.Analyses.Create("0000000000000000000000000000000a", T0);

        // Near miss: the lease has not expired yet.
        Assert.AreEqual(0, b.Analyses.FailExpired(T0.AddSeconds(29)));
        // Contradicting: renewed in time, it holds past the first expiry.
        Assert.AreEqual(1, a.Analyses.RenewLeases(T0.AddSeconds(20)));
        Assert.AreEqual(0, b.Analyses.FailExpired(T0.AddSeconds(45)));
        Assert.AreEqual("running", b.Analyses.Find("0000000000000000000000000000000a")!.Status);

        // Positive: instance a stopped renewing; after its lease, b fails the analysis with the reason.
        Assert.AreEqual(1, b.Analyses.FailExpired(T0.AddSeconds(51)));
        var failed = b.Analyses.Find("0000000000000000000000000000000a")!;
        Assert.AreEqual("failed", failed.Status);
        StringAssert.StartsWith(failed.Error, "instance stopped");

        // A late result from the stopped instance does not overwrite the failure.
        Assert.IsFalse(a.Analyses.Finish("0000000000000000000000000000000a", "done", null, Reports.Value.Kb293302, [], 0, T0.AddSeconds(60)));
        Assert.AreEqual("failed", a.Analyses.Find("0000000000000000000000000000000a")!.Status);
        Assert.AreEqual(0, b.Analyses.FailExpired(T0.AddSeconds(90)), "failed once");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public void Queue_SelectsDoneAnalysesWithEveryUploadKept_ByArticleAndDate(string kind)
    {
        using var target = new StoreTarget(kind);
        var a = target.Instance("a");
        a.Analyses.Migrate(T0);
        var (kb293302, q188674) = Reports.Value;
        Seed(a.Analyses, "00000000000000000000000000000001", T0, kb293302, kept: true);
        Seed(a.Analyses, "00000000000000000000000000000002", T0.AddDays(1), q188674, kept: true);
        Seed(a.Analyses, "00000000000000000000000000000003", T0.AddDays(2), q188674, kept: true);
        Seed(a.Analyses, "00000000000000000000000000000004", T0.AddDays(3), q188674, kept: false);
        a.Analyses.Create("00000000000000000000000000000005", T0.AddDays(4));
        a.Analyses.Finish("00000000000000000000000000000005", "failed", "the client cancelled the request", null, [("x.csv", "00000000000000000000000000000005/1.upload")], 0, T0.AddDays(4));

        Assert.AreEqual(3, a.Jobs.Queue(new ReanalysisSelection(null, null, null), null, T0).Total, "all: done with every upload kept");
        Assert.AreEqual(2, a.Jobs.Queue(new ReanalysisSelection("q188674", null, null), "v2", T0).Total, "by article");
        Assert.AreEqual(1, a.Jobs.Queue(new ReanalysisSelection(null, T0.AddHours(12), T0.AddDays(2)), null, T0).Total, "since inclusive, until exclusive");
        Assert.AreEqual(0, a.Jobs.Queue(new ReanalysisSelection("Q217147", null, null), null, T0).Total, "near miss: no case of that article");
        var (id, _) = a.Jobs.Queue(new ReanalysisSelection("KB293302", null, null), "rules-2026-03", T0);
        var status = a.Jobs.Find(id)!;
        Assert.AreEqual((1, 1, 0, "rules-2026-03", "running"), (status.Total, status.Queued, status.Done, status.Label, status.Status));
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task Take_TwoInstancesWithFourWorkersEach_TakeEveryJobExactlyOnce(string kind)
    {
        using var target = new StoreTarget(kind);
        var instances = new[] { target.Instance("a"), target.Instance("b") };
        instances[0].Analyses.Migrate(T0);
        for (var i = 0; i < 40; i++)
        {
            Seed(instances[0].Analyses, $"{i:x32}", T0.AddSeconds(i), Reports.Value.Q188674, kept: true);
        }

        var (id, total) = instances[0].Jobs.Queue(new ReanalysisSelection(null, null, null), null, T0);
        Assert.AreEqual(40, total);

        var taken = await Task.WhenAll(instances.SelectMany(instance => Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var mine = new List<string>();
            while (instance.Jobs.Take(T0) is { } job)
            {
                mine.Add(job.AnalysisId);
                Assert.IsTrue(instance.Jobs.Complete(job, [], [], null, T0));
            }

            return mine;
        }))));

        var all = taken.SelectMany(t => t).ToList();
        Assert.AreEqual(40, all.Count, "no job taken twice");
        Assert.AreEqual(40, all.Distinct().Count());
        var status = instances[1].Jobs.Find(id)!;
        Assert.AreEqual((40, 0, 0, 0, 40), (status.Done, status.Queued, status.Running, status.Retried, status.Unchanged));
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public void Complete_AfterTheLeaseExpiredAndTheJobWasRetaken_OnlyTheNewClaimWritesOnce(string kind)
    {
        using var target = new StoreTarget(kind, leaseSeconds: 10);
        var a = target.Instance("a");
        var b = target.Instance("b");
        a.Analyses.Migrate(T0);
        Seed(a.Analyses, "00000000000000000000000000000001", T0, Reports.Value.Q188674, kept: true);
        var (id, _) = a.Jobs.Queue(new ReanalysisSelection(null, null, null), null, T0);

        var first = a.Jobs.Take(T0)!;
        Assert.IsNull(b.Jobs.Take(T0), "taken jobs are not handed out again");
        Assert.AreEqual(0, b.Jobs.RequeueExpired(T0.AddSeconds(9)), "near miss: lease still valid");
        Assert.AreEqual(1, b.Jobs.RequeueExpired(T0.AddSeconds(11)));
        var second = b.Jobs.Take(T0.AddSeconds(11))!;
        Assert.AreEqual((first.Id, 2), (second.Id, second.Attempt));

        List<VerdictLine> before = [new("Q188674", "Q188674.restore-marker-overwritten", "start-service-before-online", "validated")];
        Assert.IsFalse(a.Jobs.Complete(first, before, [], null, T0.AddSeconds(12)), "the stopped instance's late result is discarded");
        Assert.IsTrue(b.Jobs.Complete(second, before, [], null, T0.AddSeconds(12)));
        Assert.IsFalse(b.Jobs.Complete(second, before, before, null, T0.AddSeconds(13)), "written once");

        var status = a.Jobs.Find(id)!;
        Assert.AreEqual((1, 1, 0), (status.Done, status.Retried, status.Unchanged));
        var change = status.Changes.Single();
        CollectionAssert.AreEqual(before, change.Before.ToList());
        Assert.AreEqual(0, change.After.Count);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public void RequeueExpired_AJobWhoseInstancesKeepStopping_FailsAfterThreeAttempts(string kind)
    {
        using var target = new StoreTarget(kind, leaseSeconds: 10);
        var a = target.Instance("a");
        a.Analyses.Migrate(T0);
        Seed(a.Analyses, "00000000000000000000000000000001", T0, Reports.Value.Q188674, kept: true);
        var (id, _) = a.Jobs.Queue(new ReanalysisSelection(null, null, null), null, T0);

        for (var attempt = 1; attempt <= ReanalysisStore.MaxAttempts; attempt++)
        {
            var now = T0.AddMinutes(attempt);
            Assert.AreEqual(attempt, a.Jobs.Take(now)!.Attempt);
            a.Jobs.RequeueExpired(now.AddSeconds(11));
        }

        var status = a.Jobs.Find(id)!;
        Assert.AreEqual((0, 0, 1, "done"), (status.Queued, status.Running, status.Failed, status.Status));
        StringAssert.StartsWith(status.Failures.Single().Error, "instance stopped");
    }

    private static void Seed(AnalysisStore store, string id, DateTimeOffset at, AnalysisReport report, bool kept)
    {
        store.Create(id, at);
        Assert.IsTrue(store.Finish(id, "done", null, report, report.Inputs.Select((input, i) => (input.Path, kept ? $"{id}/{i + 1}.upload" : null)).ToList(), 100, at));
    }
}
