using Diagnose.Core.Reports;
using Diagnose.Core.Snapshots;
using Diagnose.Simulation.Validation;

namespace Diagnose.Simulation.Tests;

/// <summary>
/// A diagnosis is replayed as the incident was: each node's OS and service pack from the snapshot (else an
/// assumption the verdict lists), the snapshot's resource names, and the evidence the article's incident says the
/// replay must log again (kb/ incidents[].reproduces). Facts that contradict the diagnosis make the replay differ:
/// "not-validated: diagnosis suspect", for each article. Each case has a positive, a near miss and a contradiction.
/// </summary>
[TestClass]
public sealed class ReplayAsItWasTests
{
    private static readonly DateTime Converted = new(2007, 2, 10, 22, 40, 0, DateTimeKind.Utc);

    [TestMethod]
    public void KB293302_ReplayedWithTheSnapshotsOsPerNode_ValidatesOnlyWhenTheOlderNodeRunsWindows2000()
    {
        var evidence = Jet();

        var positive = Validate("KB293302", "finish-rolling-upgrade", evidence, Snapshot(("NODE1", "Windows 2000", 4), ("NODE2", "Windows Server 2003", 0)));
        // Near miss: no snapshot; the older node's Windows 2000 is then an assumption, listed with the verdict.
        var assumed = Validate("KB293302", "finish-rolling-upgrade", evidence, null);
        // Contradiction: the node whose engine could not read the log already runs Windows Server 2003.
        var contradicted = Validate("KB293302", "finish-rolling-upgrade", evidence, Snapshot(("NODE1", "Windows Server 2003", 0), ("NODE2", "Windows Server 2003", 0)));

        Assert.AreEqual(Verdict.Validated, positive.Verdict, positive.Reason);
        Assert.IsFalse(positive.IncidentAssumptions.Any(a => a.StartsWith("NODE1", StringComparison.Ordinal)), string.Join("; ", positive.IncidentAssumptions));
        Assert.AreEqual(Verdict.Validated, assumed.Verdict, assumed.Reason);
        Assert.Contains("NODE1 runs Windows 2000 SP4 (no snapshot gives its OS; the article's older nodes run Windows 2000)", assumed.IncidentAssumptions);
        Assert.AreEqual(Verdict.NotValidated, contradicted.Verdict);
        StringAssert.StartsWith(contradicted.Reason, "diagnosis suspect: the replayed incident logged no ESENT 412 (JetLogUnreadable: instance wins, error -530) on NODE1");
    }

    [TestMethod]
    public void KB293302_AnErrorTheEngineDoesNotGive_IsSuspect()
    {
        var evidence = Jet(error: "-1022");

        var result = Validate("KB293302", "finish-rolling-upgrade", evidence, Snapshot(("NODE1", "Windows 2000", 4), ("NODE2", "Windows Server 2003", 0)));

        Assert.AreEqual(Verdict.NotValidated, result.Verdict);
        StringAssert.Contains(result.Reason, "error -1022");
    }

    [TestMethod]
    public void Q217147_ReplayedWithTheSnapshotsServicePack_SP5RejectsTheInconsistentCheckpointSoTheDiagnosisIsSuspect()
    {
        // Power failed during a checkpoint; NODEA loaded it and corrupted Clusdb, NODEB kept a valid one.
        var positive = Validate("Q217147", "restart-from-clusdb-recovery-install", [], Quorum(4, 4));
        // Near miss: one node's service pack unknown, assumed SP4 as the article's failure, and listed.
        var assumed = Validate("Q217147", "restart-from-clusdb-recovery-install", [], Quorum(4, null));
        // Contradiction: SP5 checks the checkpoint against its checksum and skips it (Q217147, startup step 9), so it cannot have corrupted Clusdb.
        var contradicted = Validate("Q217147", "restart-from-clusdb-recovery-install", [], Quorum(5, 5));

        Assert.AreEqual(Verdict.Validated, positive.Verdict, positive.Reason);
        Assert.IsEmpty(positive.IncidentAssumptions);
        Assert.AreEqual(Verdict.Validated, assumed.Verdict, assumed.Reason);
        CollectionAssert.AreEqual(new[] { "NODEB runs Windows NT 4.0 SP4 (no snapshot gives its OS; the incident's cluster runs Windows NT 4.0 SP4)" }, assumed.IncidentAssumptions);
        Assert.AreEqual(Verdict.NotValidated, contradicted.Verdict);
        StringAssert.StartsWith(contradicted.Reason, "diagnosis suspect: the replayed incident leaves NODEA's Clusdb valid, not corrupt");
    }

    [TestMethod]
    public void Q188674_ReplayedWithTheSnapshotsResources_TheFailedResourceMustBeTheOneRunningTheDirectory()
    {
        var named = Directory("Exchange DS");

        var positive = Validate("Q188674", "start-service-before-online", named, Resources(("Exchange DS", "MSExchangeDS")));
        // Near miss: no snapshot lists the resources; the article's resource name is assumed and listed.
        var assumed = Validate("Q188674", "start-service-before-online", Directory("Microsoft Exchange Directory"), null);
        // Contradictions: the failed resource is not the one that runs the directory; no resource runs it at all.
        var other = Validate("Q188674", "start-service-before-online", named, Resources(("Exchange DS", "MSExchangeIS"), ("Directory", "MSExchangeDS")));
        var none = Validate("Q188674", "start-service-before-online", named, Resources(("Exchange DS", "MSExchangeIS")));

        Assert.AreEqual(Verdict.Validated, positive.Verdict, positive.Reason);
        Assert.AreEqual(Verdict.Validated, assumed.Verdict, assumed.Reason);
        Assert.Contains("MSExchangeDS runs as the Generic Service resource 'Microsoft Exchange Directory' in group 'EXCHANGE' (no snapshot lists the resources)", assumed.IncidentAssumptions);
        Assert.AreEqual(Verdict.NotValidated, other.Verdict);
        StringAssert.StartsWith(other.Reason, "diagnosis suspect: the replayed incident logged no ClusSvc 1042 (ClusterResourceFailed: resource Exchange DS) on EXNODEA");
        Assert.AreEqual(Verdict.NotValidated, none.Verdict);
        StringAssert.StartsWith(none.Reason, "diagnosis suspect: the snapshot's resources run no MSExchangeDS");
    }

    private static ValidationReport Validate(string kb, string plan, IReadOnlyList<DiagnosedEvent> events, ClusterSnapshot? snapshot)
    {
        var article = Shared.Engine.Knowledge.Find(kb)!;
        return Shared.Engine.Validation.Validate(article, article.Plan(plan)!, PlanKind.Plan, new DiagnosisSource(events, snapshot), maxFaults: 0);
    }

    private static List<DiagnosedEvent> Jet(string error = "-530") =>
    [
        Event("JetDatabaseUpgraded", "NODE2", "ESENT", 609, Converted, ("instance", "wins"), ("processId", "3432"), ("database", @"Q:\wins\wins.mdb")),
        Event("JetLogUnreadable", "NODE1", "ESENT", 412, Converted.AddHours(2), ("instance", "wins"), ("processId", "1044"), ("error", error)),
    ];

    private static List<DiagnosedEvent> Directory(string resource) =>
    [
        Event("ExchangeDirectoryInitFailed", "EXNODEA", "MSExchangeDS", 1002, new DateTime(1999, 4, 2, 10, 0, 0, DateTimeKind.Utc), ("error", "-528"), ("service", "MSExchangeDS")),
        Event("ClusterResourceFailed", "EXNODEA", "ClusSvc", 1042, new DateTime(1999, 4, 2, 10, 0, 5, DateTimeKind.Utc), ("resource", resource), ("service", "MSExchangeDS")),
    ];

    private static DiagnosedEvent Event(string type, string node, string provider, int id, DateTime time, params (string Name, string Value)[] fields) =>
        new(type, node, provider, id, time, fields.ToDictionary(f => f.Name, f => (string?)f.Value, StringComparer.Ordinal));

    private static ClusterSnapshot Snapshot(params (string Name, string Os, int Sp)[] nodes) => new()
    {
        Source = "snapshot.json",
        Cluster = "CLUSTER1",
        Nodes = nodes.Select(n => new SnapshotNode { Name = n.Name, Os = n.Os, ServicePack = n.Sp }).ToList(),
    };

    private static ClusterSnapshot Quorum(int? spA, int? spB) => new()
    {
        Source = "snapshot.json",
        Cluster = "NTCLUS",
        Nodes =
        [
            new SnapshotNode { Name = "NODEA", Os = "Windows NT 4.0", ServicePack = spA, ClusdbState = "corrupt" },
            new SnapshotNode { Name = "NODEB", Os = "Windows NT 4.0", ServicePack = spB, ClusdbState = "valid" },
        ],
        Quorum = new SnapshotQuorum
        {
            Checkpoints =
            [
                new SnapshotCheckpoint { File = "Chk00016.tmp", Sequence = 22, ChecksumMatches = true, WrittenAtUtc = new DateTime(1999, 11, 1, 3, 10, 5, DateTimeKind.Utc) },
                new SnapshotCheckpoint { File = "Chk00017.tmp", Sequence = 23, ChecksumMatches = false, WrittenAtUtc = new DateTime(1999, 11, 7, 22, 0, 5, DateTimeKind.Utc) },
            ],
            QuologPresent = true,
            QuologValid = true,
            LastConfigurationChangeUtc = new DateTime(1999, 11, 6, 15, 42, 0, DateTimeKind.Utc),
        },
    };

    private static ClusterSnapshot Resources(params (string Name, string Service)[] resources) => new()
    {
        Source = "snapshot.json",
        Cluster = "EXCLUS",
        Nodes = [new SnapshotNode { Name = "EXNODEA", Os = "Windows NT 4.0", ServicePack = 4 }, new SnapshotNode { Name = "EXNODEB", Os = "Windows NT 4.0", ServicePack = 4 }],
        Resources = resources.Select(r => new SnapshotResource { Name = r.Name, Group = "EXVS", Type = "Generic Service", Service = r.Service }).ToList(),
    };
}
