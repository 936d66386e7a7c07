namespace Diagnose.Engine.Tests;

[TestClass]
public sealed class BundledIncidentTests
{
    [TestMethod]
    public void Analyze_Kb293302Incident_NamesThe412OnTheWindows2000NodeAndThe609OnTheNewerOne()
    {
        var report = Engine.Analyze(Engine.Sample("incidents/KB293302-wins-rolling-upgrade"));

        var diagnosis = report.Diagnoses.Single(d => d.Severity == Diagnose.Core.Reports.Severity.Incident);
        Assert.AreEqual("KB293302", diagnosis.Kb);
        Assert.AreEqual("KB293302.log-unreadable-after-upgrade-elsewhere", diagnosis.Rule);
        CollectionAssert.AreEqual(new[] { "NODE1", "NODE2" }, diagnosis.Nodes);
        var upgraded = diagnosis.Evidence.Single(e => e.Role == "upgraded");
        Assert.AreEqual(("NODE2_Application.xml", 12787L, 609, "NODE2", "2007-02-12T08:38:51Z"), (Path.GetFileName(upgraded.Source), upgraded.Record, upgraded.EventId, upgraded.Node, upgraded.Time));
        var failed = diagnosis.Evidence.Where(e => e.Role == "failed").ToList();
        Assert.HasCount(2, failed, "both 412s of the WINS retries are evidence");
        Assert.IsTrue(failed.All(e => e is { EventId: 412, Node: "NODE1", Record: null } && Path.GetFileName(e.Source) == "NODE1_Application.csv" && e.Line is not null));
        Assert.AreEqual("finish-rolling-upgrade", diagnosis.Fix!.Plan);
        Assert.AreEqual(Diagnose.Core.Reports.Verdict.Validated, diagnosis.Fix.Validation!.Verdict, diagnosis.Fix.Validation.Reason);
        Assert.IsGreaterThan(1, diagnosis.Fix.Validation.FaultSchedules);
        Assert.IsEmpty(report.Unexplained);
    }

    [TestMethod]
    public void Analyze_Kb293302WithoutTheNewerNodesLogs_FallsBackToTheSnapshotWithLowerConfidence()
    {
        var folder = Engine.Sample("incidents/KB293302-wins-rolling-upgrade");
        var withSnapshot = Engine.Analyze(Path.Combine(folder, "NODE1_Application.csv"), Path.Combine(folder, "NODE1_System.csv"), Path.Combine(folder, "snapshot.json"));
        var eventsOnly = Engine.Analyze(Path.Combine(folder, "NODE1_Application.csv"), Path.Combine(folder, "NODE1_System.csv"));

        var mixed = withSnapshot.Diagnoses.Single(d => d.Severity == Diagnose.Core.Reports.Severity.Incident);
        Assert.AreEqual(("KB293302.log-unreadable-on-windows-2000-node", 0.85), (mixed.Rule, mixed.Confidence));
        Assert.AreEqual("NODE2", mixed.Evidence.Single(e => e.Role == "newer").Node);
        var alone = eventsOnly.Diagnoses.Single(d => d.Severity == Diagnose.Core.Reports.Severity.Incident);
        Assert.AreEqual(("KB293302.log-unreadable-on-cluster-node", 0.6), (alone.Rule, alone.Confidence));
        CollectionAssert.AreEqual(new[] { "NODE1" }, alone.Nodes);
    }

    [TestMethod]
    public void Analyze_Q188674Incident_Diagnoses1002And1042AndMarksThe1024Benign()
    {
        var report = Engine.Analyze(Engine.Sample("incidents/Q188674-exchange-ds-restore"));

        var diagnosis = report.Diagnoses.Single(d => d.Severity == Diagnose.Core.Reports.Severity.Incident);
        Assert.AreEqual(("Q188674", "Q188674.restore-marker-overwritten"), (diagnosis.Kb, diagnosis.Rule));
        CollectionAssert.AreEqual(new[] { "EXNODEA_Application.json#15393", "EXNODEA_System.json#7439" }, Engine.EvidenceRefs(diagnosis));
        CollectionAssert.AreEqual(new[] { "EXNODEA" }, diagnosis.Nodes);
        Assert.AreEqual("start-service-before-online", diagnosis.Fix!.Plan);

        var benign = report.Benign.Single();
        Assert.AreEqual(("ClusSvc", 1024, 7442L, "EXNODEA"), (benign.Provider, benign.EventId, benign.Record, benign.Node));
        Assert.AreEqual("Q188674.checkpoint-warning-after-restore-procedure", benign.Rule);
        StringAssert.Contains(benign.Reason, "Expected after the Q188674 restore procedure");
        Assert.IsEmpty(report.Unexplained);
    }

    [TestMethod]
    public void Analyze_Q217147ZeroByteClusdb_ChoosesTheCheckpointRecoveryPath()
    {
        var report = Engine.Analyze(Engine.Sample("incidents/Q217147-clusdb-zero-bytes"));

        var diagnosis = report.Diagnoses.Single(d => d.Severity == Diagnose.Core.Reports.Severity.Incident);
        Assert.AreEqual(("Q217147", "restart-from-checkpoint"), (diagnosis.Kb, diagnosis.Fix!.Plan));
        CollectionAssert.AreEqual(new[] { "NODEA", "NODEB" }, diagnosis.Nodes);
        var observations = diagnosis.Evidence.Select(e => (e.Fact, e.Node, e.Value)).ToList();
        CollectionAssert.Contains(observations, ("node", "NODEA", "Windows NT 4.0 SP4; Clusdb zero-bytes (0 bytes)"));
        CollectionAssert.Contains(observations, ("node", "NODEB", "Windows NT 4.0 SP4; Clusdb zero-bytes (0 bytes)"));
        Assert.IsTrue(diagnosis.Evidence.Any(e => e.Fact == "checkpoint" && e.Value!.StartsWith("Chk00018.tmp sequence 24, consistent", StringComparison.Ordinal)));
        Assert.AreEqual("LatestCheckpoint", diagnosis.DerivedFacts.Single().Type);
    }

    [TestMethod]
    public void Analyze_Q217147OutdatedCheckpoint_ChoosesTheRecoveryInstallationRouteBecauseOneClusdbIsCorrupt()
    {
        var report = Engine.Analyze(Engine.Sample("incidents/Q217147-outdated-checkpoint"));

        // NODEA's Clusdb is corrupt, so the article's route under clussvc -debug (which needs both copies) cannot run.
        var diagnosis = report.Diagnoses.Single(d => d.Severity == Diagnose.Core.Reports.Severity.Incident);
        Assert.AreEqual(("Q217147", "restart-from-clusdb-recovery-install"), (diagnosis.Kb, diagnosis.Fix!.Plan));
        Assert.AreEqual(Diagnose.Core.Reports.Verdict.Validated, diagnosis.Fix.Validation!.Verdict, diagnosis.Fix.Validation.Reason);
        Assert.AreEqual("NODEB", diagnosis.Evidence.Single(e => e.Role == "good").Node);
        Assert.AreEqual("NODEA", diagnosis.Evidence.Single(e => e.Role == "damaged").Node);
        StringAssert.Contains(diagnosis.RootCause, "second recovery path");
    }

    [TestMethod]
    public void Analyze_Q188674Incident_ListsTheFactItsOwnMatchDerivedWithTheRule()
    {
        var report = Engine.Analyze(Engine.Sample("incidents/Q188674-exchange-ds-restore"));

        // The diagnosing match derives ExchangeRestoreOverwritten, which the benign rule then uses for the 1024.
        var derived = report.Diagnoses.Single(d => d.Severity == Diagnose.Core.Reports.Severity.Incident).DerivedFacts.Single();
        Assert.AreEqual(("ExchangeRestoreOverwritten", "Q188674.restore-marker-overwritten"), (derived.Type, derived.Rule));
        Assert.AreEqual(("EXNODEA", "Microsoft Exchange Directory", "1999-04-15T10:32:11Z"), ((string?)derived.Fields["node"], (string?)derived.Fields["resource"], (string?)derived.Fields["time"]));
    }

    [TestMethod]
    public void Analyze_EveryBundledIncident_EveryDiagnosisPlanIsValidated()
    {
        // None of the bundled incidents is one the article leaves without a safe route.
        foreach (var incident in Directory.EnumerateDirectories(Engine.Sample("incidents")))
        {
            var report = Engine.Analyze(incident);
            Assert.IsNotEmpty(report.Diagnoses, incident);
            // Advice (the service pack) is not tried on the incident it does not repair; `validate --all` covers its plan.
            foreach (var diagnosis in report.Diagnoses.Where(d => d.Severity == Diagnose.Core.Reports.Severity.Incident))
            {
                Assert.AreEqual(Diagnose.Core.Reports.Verdict.Validated, diagnosis.Fix?.Validation?.Verdict, $"{incident}: {diagnosis.Fix?.Plan}: {diagnosis.Fix?.Validation?.Reason}");
            }
        }
    }

    [TestMethod]
    public void Analyze_RollingUpgradeAdvice_ItsPlanIsValidatedOnTheIncidentItDeclaresReplayedAsItWas()
    {
        // The decision table's positive case for the advice: NODE2 upgraded, NODE1 on Windows 2000, WINS and DHCP resources.
        var table = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "kb", "KB293302.decisions.json")));
        var snapshot = table.SelectToken("$..[?(@.id == 'KB293302.rolling-upgrade-in-progress')].cases[0].snapshot")!;
        using var temp = new TempFolder();
        var file = temp.Write("snapshot.json", snapshot.ToString());

        var advice = Engine.Analyze(file).Diagnoses.Single();

        Assert.AreEqual(("KB293302.rolling-upgrade-in-progress", Diagnose.Core.Reports.Severity.Advice, "rolling-upgrade-order"), (advice.Rule, advice.Severity, advice.Fix?.Plan));
        Assert.AreEqual(Diagnose.Core.Reports.Verdict.Validated, advice.Fix!.Validation?.Verdict, advice.Fix.Validation?.Reason);
    }

    [TestMethod]
    public void Analyze_EveryInput_CountsAddUpAndNothingIsSkipped()
    {
        foreach (var incident in Directory.EnumerateDirectories(Engine.Sample("incidents")))
        {
            var report = Engine.Analyze(incident);
            foreach (var input in report.Inputs)
            {
                Assert.AreEqual(0, input.Skipped, input.Path);
                Assert.IsGreaterThan(0L, input.Records, input.Path);
                Assert.AreNotEqual("unknown", input.Format, input.Path);
            }
        }
    }
}
