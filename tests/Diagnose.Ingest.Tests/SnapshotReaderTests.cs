using Diagnose.Core.Inputs;
using Diagnose.Core.Snapshots;
using Diagnose.Ingest.Readers;

namespace Diagnose.Ingest.Tests;

[TestClass]
public sealed class SnapshotReaderTests
{
    private static (ClusterSnapshot? Snapshot, InputSummary Summary) Read(string json)
    {
        var summary = new InputSummary(TestInput.Source);
        using var stream = new MemoryStream(TestInput.Bytes(json));
        return (SnapshotReader.Read(stream, new ReadContext(TestInput.Source, summary)), summary);
    }

    [TestMethod]
    public void Read_ValidSnapshot_FillsEveryPartWithLines()
    {
        var (snapshot, summary) = Read(File.ReadAllText(TestInput.DataPath("snapshot.json")));

        Assert.IsNotNull(snapshot);
        Assert.IsEmpty(summary.Problems);
        Assert.AreEqual("CLUSTER1", snapshot.Cluster);
        Assert.AreEqual(TestInput.Source, snapshot.Source);
        Assert.AreEqual(TestInput.Utc(2024, 3, 5, 10, 0, 0), snapshot.CapturedAtUtc);
        Assert.HasCount(2, snapshot.Nodes);
        var nodeA = snapshot.Nodes[0];
        Assert.AreEqual(("NODEA", "Windows NT 4.0", 4, "zero-bytes", 0L), (nodeA.Name, nodeA.Os, nodeA.ServicePack, nodeA.ClusdbState, nodeA.ClusdbBytes));
        Assert.AreEqual(("system", "automatic", 6), (nodeA.ClusDiskStart, nodeA.ClusSvcStart, nodeA.Line));
        Assert.AreEqual((1048576L, 9), (snapshot.Nodes[1].ClusdbBytes, snapshot.Nodes[1].Line));

        var quorum = snapshot.Quorum!;
        Assert.AreEqual((true, true, false, 13), (quorum.QuologPresent, quorum.QuologValid, quorum.Tombstone, quorum.Line));
        Assert.AreEqual(TestInput.Utc(2024, 3, 4, 9, 0, 0), quorum.LastConfigurationChangeUtc);
        var checkpoint = quorum.Checkpoints.Single();
        Assert.AreEqual(("Chk00012.tmp", 18L, false, 15), (checkpoint.File, checkpoint.Sequence, checkpoint.ChecksumMatches, checkpoint.Line));
        Assert.AreEqual(TestInput.Utc(2024, 3, 1, 8, 0, 0), checkpoint.WrittenAtUtc);

        var resource = snapshot.Resources.Single();
        Assert.AreEqual(("Microsoft Exchange Directory", "EXCHANGE", "Generic Service", "MSExchangeDS", 22),
            (resource.Name, resource.Group, resource.Type, resource.Service, resource.Line));
        CollectionAssert.AreEqual(new[] { "NODEA", "NODEB" }, resource.PossibleOwners.ToArray());
    }

    [TestMethod]
    public void Read_UnknownKeyAndWrongType_ReportsLineAndColumnAndKeepsTheRest()
    {
        const string json = "{\n  \"cluster\": \"CLUSTER1\",\n  \"nodes\": [\n    {\"name\": \"NODEA\", \"servicePack\": \"4\", \"clusdbState\": \"corrupt\"}\n  ]\n}";

        var (snapshot, summary) = Read(json);

        Assert.IsNotNull(snapshot);
        var node = snapshot.Nodes.Single();
        Assert.AreEqual("NODEA", node.Name);
        Assert.IsNull(node.ServicePack);
        Assert.HasCount(2, summary.Problems);
        var type = summary.Problems.Single(p => p.Message.StartsWith("nodes[0].servicePack", StringComparison.Ordinal));
        Assert.AreEqual("nodes[0].servicePack must be an integer, found the string \"4\"", type.Message);
        Assert.AreEqual((4, 40), (type.Line, type.Column));
        var unknown = summary.Problems.Single(p => p.Message.StartsWith("unknown key", StringComparison.Ordinal));
        Assert.Contains("allowed keys: name, os, servicePack, clusdb, clusDiskStart, clusSvcStart", unknown.Message);
        Assert.AreEqual((4, 56), (unknown.Line, unknown.Column));
    }

    [TestMethod]
    public void Read_BadValues_ReportsEachAndDropsIncompleteParts()
    {
        const string json = """
            {
              "kind": "cluster-snapshot",
              "nodes": [
                {"os": "Windows 2000"},
                {"name": "NODEB", "clusdb": {"state": "broken"}, "clusSvcStart": "auto"}
              ],
              "quorum": {"checkpoints": [{"file": "Chk00012.tmp"}], "lastConfigurationChange": "yesterday"},
              "Resources": []
            }
            """;

        var (snapshot, summary) = Read(json);

        Assert.IsNotNull(snapshot);
        Assert.AreEqual("NODEB", snapshot.Nodes.Single().Name);
        Assert.IsNull(snapshot.Nodes[0].ClusdbState);
        Assert.IsEmpty(snapshot.Quorum!.Checkpoints);
        Assert.IsNull(snapshot.Quorum.LastConfigurationChangeUtc);
        var messages = summary.Problems.Select(p => p.Message).ToList();
        Assert.HasCount(6, messages);
        Assert.IsTrue(summary.Problems.All(p => p.Line is not null && p.Column is not null));
        Assert.Contains("nodes[0] has no \"name\"; the node is left out", messages);
        Assert.Contains("nodes[1].clusdb.state must be one of valid, corrupt, zero-bytes, missing; found \"broken\"", messages);
        Assert.Contains("nodes[1].clusSvcStart must be one of system, boot, automatic, manual, disabled; found \"auto\"", messages);
        Assert.Contains("quorum.checkpoints[0] needs both \"file\" and \"sequence\"; the checkpoint is left out", messages);
        Assert.IsTrue(messages.Any(m => m.StartsWith("quorum.lastConfigurationChange must be an ISO-8601 date", StringComparison.Ordinal)));
        Assert.IsTrue(messages.Any(m => m.StartsWith("unknown key \"Resources\" in the snapshot (did you mean \"resources\"?", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Read_Restores_ReadsEachAndReportsBadOnesWithTheirLine()
    {
        const string json = """
            {
              "kind": "cluster-snapshot",
              "restores": [
                {"node": "EXNODEA", "service": "MSExchangeDS", "finishedAt": "1999-04-15T10:28:44Z", "startServicesAfterRestore": false, "program": "Backup Exec"},
                {"service": "MSExchangeDS"},
                {"node": "EXNODEB", "startServicesAfterRestore": "no", "tape": 3}
              ]
            }
            """;

        var (snapshot, summary) = Read(json);

        Assert.IsNotNull(snapshot);
        Assert.HasCount(2, snapshot.Restores);
        var first = snapshot.Restores[0];
        Assert.AreEqual(("EXNODEA", "MSExchangeDS", new DateTime(1999, 4, 15, 10, 28, 44, DateTimeKind.Utc), (bool?)false, "Backup Exec", (int?)4),
            (first.Node, first.Service, first.FinishedAtUtc!.Value, first.StartServicesAfterRestore, first.Program, first.Line));
        Assert.IsNull(snapshot.Restores[1].StartServicesAfterRestore);
        var messages = summary.Problems.Select(p => (p.Line, p.Message)).ToList();
        Assert.Contains((5, "restores[1] has no \"node\"; the restore is left out"), messages);
        Assert.IsTrue(messages.Any(m => m.Line == 6 && m.Message.StartsWith("restores[2].startServicesAfterRestore must be", StringComparison.Ordinal)), string.Join("\n", messages));
        Assert.IsTrue(messages.Any(m => m.Line == 6 && m.Message.StartsWith("unknown key \"tape\"", StringComparison.Ordinal)), string.Join("\n", messages));
    }

    [TestMethod]
    public void Read_MalformedJson_ReturnsNullWithLine()
    {
        var (snapshot, summary) = Read("{\n  \"cluster\": \"CLUSTER1\",\n  \"nodes\": [ {\"name\": \"NODEA\" ]\n}");

        Assert.IsNull(snapshot);
        var problem = summary.Problems.Single();
        Assert.AreEqual(3, problem.Line);
        Assert.StartsWith("the snapshot is not valid JSON", problem.Message);
    }

    [TestMethod]
    public void Read_NothingUsable_ReturnsNull()
    {
        var (snapshot, summary) = Read("{\"kind\": \"cluster-snapshot\", \"nodes\": []}");

        Assert.IsNull(snapshot);
        Assert.Contains("no usable", summary.Problems.Single().Message);
    }
}
