using Diagnose.Analysis;
using Diagnose.Core.Reports;
using Diagnose.Ingest;
using Diagnose.Ingest.Evtx;

namespace Diagnose.Engine.Tests;

/// <summary>
/// Issue 13's mechanisms end to end, with test rules beside the built-in ones: contradicting evidence
/// (<c>unless</c> → <c>ruledOut[]</c>), corroboration and the confidence model, competing causes, one incident
/// seen on several nodes, and advice on what to collect.
/// </summary>
[TestClass]
public sealed class EvidenceModelTests
{
    // One 412 alone at a high base confidence: the single-record cap must apply.
    private const string SingleRecordRule = """
        {
          "id": "Test.single-412", "title": "412 alone", "kb": "KB293302",
          "when": [ { "fact": "JetLogUnreadable", "as": "failed", "where": "failed.error == -530" } ],
          "then": [ { "diagnose": { "rootCause": "{failed.instance} on {failed.node} pid {failed.processId}", "confidence": { "base": 0.95, "max": 0.95 } } } ]
        }
        """;

    // The rule weighed by unless, corroborate and competes, shared with the HTML report's EvidenceModelPageTests.
    private static readonly Lazy<DiagnoseEngine> Weighed = new(() =>
        DiagnoseEngine.Load(new EngineOptions { ExtraRuleFolders = [Path.Combine(AppContext.BaseDirectory, "test-rules", "weighed-412")] }));

    private static DiagnoseEngine Load(string rule)
    {
        var folder = Path.Combine(Path.GetTempPath(), "diagnose-rules-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "rule.json"), rule);
        try
        {
            return DiagnoseEngine.Load(new EngineOptions { ExtraRuleFolders = [folder] });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Snapshot(string node1Os, string node2Os) => $$"""
        { "kind": "cluster-snapshot", "cluster": "CLUSTER1", "capturedAt": "2007-02-12T10:00:00Z",
          "nodes": [ { "name": "NODE1", "os": "{{node1Os}}", "servicePack": 0 }, { "name": "NODE2", "os": "{{node2Os}}", "servicePack": 0 } ] }
        """;

    [TestMethod]
    public void Analyze_UnlessMatchesTheFailingNode_RulesTheCandidateOutWithReasonAndEvidence()
    {
        using var temp = new TempFolder();
        temp.Write("snapshot.json", Snapshot("Windows Server 2003", "Windows Server 2003"));
        var report = Weighed.Value.Analyze([Engine.Sample("formats/KB293302/xml"), temp.Path]);

        Assert.IsFalse(report.Diagnoses.Any(d => d.Rule == "Test.weighed-412"));
        var ruledOut = report.RuledOut.Single(r => r.Rule == "Test.weighed-412");
        Assert.AreEqual("wins cannot read its log on NODE1", ruledOut.RootCause);
        Assert.AreEqual("NODE1 runs Windows Server 2003, whose engine reads the converted format", ruledOut.Reason);
        Assert.AreEqual("node", ruledOut.By.Single().Fact);
        Assert.AreEqual("NODE1", ruledOut.By.Single().Node);
    }

    [TestMethod]
    public void Analyze_UnlessMatchesOnlyAnotherNode_IsANearMissAndTheDiagnosisStands()
    {
        using var temp = new TempFolder();
        temp.Write("snapshot.json", Snapshot("Windows 2000", "Windows Server 2003"));
        var report = Weighed.Value.Analyze([Engine.Sample("formats/KB293302/xml"), temp.Path]);

        Assert.IsEmpty(report.RuledOut);
        Assert.AreEqual(0.85, report.Diagnoses.Single(d => d.Rule == "Test.weighed-412").Confidence, 1e-9);
    }

    [TestMethod]
    public void Analyze_WhyNotOfARuledOutRule_SaysItWasRuledOut()
    {
        using var temp = new TempFolder();
        temp.Write("snapshot.json", Snapshot("Windows Server 2003", "Windows Server 2003"));
        var report = Weighed.Value.Analyze([AnalysisInput.FromFile(Path.Combine(Engine.Sample("formats/KB293302/xml"), "NODE1_Application.xml")), AnalysisInput.FromFile(Path.Combine(temp.Path, "snapshot.json"))],
            new AnalyzeOptions { WhyNot = ["Test.weighed-412"] });

        var why = report.WhyNot!.Single();
        Assert.IsTrue(why.Fired > 0);
        StringAssert.Contains(why.Reason, "ruled out: NODE1 runs Windows Server 2003");
        Assert.IsNotNull(why.RuledOut);
    }

    [TestMethod]
    public void Analyze_CorroborationPresent_AddsItsWeightAndListsTheEvent()
    {
        var report = Weighed.Value.Analyze([Engine.Sample("formats/KB293302/xml")]);

        var diagnosis = report.Diagnoses.Single(d => d.Rule == "Test.weighed-412");
        Assert.AreEqual(0.85, diagnosis.Confidence, 1e-9);
        var basis = diagnosis.ConfidenceBasis!;
        Assert.AreEqual((0.6, 0.95, false), (basis.Base, basis.Max, basis.CappedSingleRecord));
        var corroboration = basis.Corroborating.Single();
        Assert.AreEqual("ESENT 609: wins was converted on another node first", corroboration.Description);
        Assert.AreEqual((609, "NODE2"), (corroboration.Evidence.Single().EventId!.Value, corroboration.Evidence.Single().Node));
        Assert.IsEmpty(basis.Missing);
        Assert.IsTrue(diagnosis.Evidence.Any(e => e.EventId == 609 && e.Role == "upgraded"), "the corroborating event is part of the evidence");
    }

    [TestMethod]
    public void Analyze_CorroborationAbsent_KeepsTheBaseAndSaysWhatToCollectFromTheNodeWithoutTheLog()
    {
        // Only NODE1's logs: no 609, and no Application log from NODE2 (known from the snapshot).
        using var temp = new TempFolder();
        temp.Write("snapshot.json", Snapshot("Windows 2000", "Windows Server 2003"));
        var xml = Engine.Sample("formats/KB293302/xml");
        var report = Weighed.Value.Analyze([Path.Combine(xml, "NODE1_Application.xml"), Path.Combine(xml, "NODE1_System.xml"), temp.Path]);

        var diagnosis = report.Diagnoses.Single(d => d.Rule == "Test.weighed-412");
        Assert.AreEqual(0.6, diagnosis.Confidence, 1e-9);
        var missing = diagnosis.ConfidenceBasis!.Missing.Single();
        Assert.AreEqual("ESENT 609 for wins in the Application log of the other nodes", missing.Collect);

        // The built-in after-upgrade rule stopped at its 609 pattern; NODE2 gave no Application log.
        var advice = report.Collect.Single(c => c.Node == "NODE2" && c.Log == "Application" && c.Because.Contains("KB293302.log-unreadable-after-upgrade-elsewhere"));
        StringAssert.StartsWith(advice.Command, "wevtutil epl Application NODE2-Application.evtx /r:NODE2 /q:");
        Assert.AreEqual(("2007-02-12T08:14:03Z", "2007-02-12T10:14:03Z"), (advice.Window!.From, advice.Window.To));
        Assert.IsFalse(report.Collect.Any(c => c.Node == "NODE1"), "NODE1's Application log was supplied");
    }

    [TestMethod]
    public void Analyze_AllLogsSupplied_AdvisesNothingForTheArticle()
    {
        var report = Weighed.Value.Analyze([Engine.Sample("incidents/KB293302-wins-rolling-upgrade")]);
        Assert.IsEmpty(report.Collect);
    }

    [TestMethod]
    public void Analyze_CompetingCauses_BothReportedRankedByConfidenceEachNamingTheOther()
    {
        var report = Weighed.Value.Analyze([Engine.Sample("formats/KB293302/xml")]);

        // Without a snapshot or NODE1's boot banner, the built-in rule lacks NODE1's OS (0.75); the test rule weighs the 609 (0.85).
        CollectionAssert.AreEqual(new[] { "Test.weighed-412", "KB293302.log-unreadable-after-upgrade-elsewhere" }, report.Diagnoses.Select(d => d.Rule).ToArray());
        Assert.AreEqual("KB293302.log-unreadable-after-upgrade-elsewhere", report.Diagnoses[0].Competing!.Single().Rule);
        Assert.AreEqual("Test.weighed-412", report.Diagnoses[1].Competing!.Single().Rule);
        Assert.AreEqual("the node that logged the 609 (Application log of every node)", report.Diagnoses[0].Competing!.Single().SeparatedBy);
    }

    [TestMethod]
    public void Analyze_NoCompetitorFound_LeavesCompetingOut()
    {
        var report = Engine.Analyze(Engine.Sample("formats/KB293302/xml"));
        Assert.IsNull(report.Diagnoses.Single().Competing);
        StringAssert.DoesNotMatch(ReportJsonText(report), new System.Text.RegularExpressions.Regex("\"competing\""));
    }

    [TestMethod]
    public void Analyze_SameFaultOnTwoNodes_IsOneDiagnosisWithBothNodesAndAllEvidence()
    {
        using var temp = new TempFolder();
        temp.Write("events.txt", Paste(("NODE1", "9:14:03"), ("NODE3", "9:20:00")));
        var report = Weighed.Value.Analyze([temp.Path]);

        var diagnosis = report.Diagnoses.Single(d => d.Rule == "Test.weighed-412");
        CollectionAssert.AreEqual(new[] { "NODE1", "NODE3" }, diagnosis.Nodes.ToArray());
        Assert.HasCount(2, diagnosis.Evidence.Where(e => e.EventId == 412).ToList());

        // Without 'incident', diagnoses group by root-cause text, which names the node: the same fault splits in two.
        var split = Load(SingleRecordRule).Analyze([temp.Path]);
        Assert.HasCount(2, split.Diagnoses.Where(d => d.Rule == "Test.single-412").ToList());
    }

    [TestMethod]
    public void Analyze_EvidenceFromOneRecord_IsCappedAtPointNine()
    {
        var engine = Load(SingleRecordRule);
        var report = engine.Analyze([Path.Combine(Engine.Sample("formats/KB293302/xml"), "NODE1_Application.xml")]);

        var capped = report.Diagnoses.Single(d => d.Rule == "Test.single-412");
        Assert.AreEqual((0.9, true, 0.95), (capped.Confidence, capped.ConfidenceBasis!.CappedSingleRecord, capped.ConfidenceBasis.Base));

        // Near miss: the built-in rule rests on a 609 and a 412, two records: base 0.5 and its corroborations, not capped.
        var joined = Engine.Analyze(Engine.Sample("formats/KB293302/xml")).Diagnoses.Single();
        Assert.AreEqual((0.75, false), (Math.Round(joined.Confidence, 2), joined.ConfidenceBasis!.CappedSingleRecord));
    }

    [TestMethod]
    public void Analyze_SameIncidentInEveryFormat_GivesTheSameConfidenceAndBasis()
    {
        using var temp = new TempFolder();
        var evtx = Path.Combine(temp.Path, "evtx");
        Directory.CreateDirectory(evtx);
        // The 412 and 609 are Application events: those logs go through EVTX (System logs stay XML; they hold nothing this rule reads).
        foreach (var file in Directory.GetFiles(Engine.Sample("formats/KB293302/xml"), "*_Application.xml"))
        {
            var records = new LogIngester().Read([file], new IngestSession(), CancellationToken.None).ToList();
            using var output = File.Create(Path.Combine(evtx, Path.GetFileNameWithoutExtension(file) + ".evtx"));
            EvtxWriter.Write(output, records);
        }

        var seen = new List<string>();
        foreach (var folder in new[] { evtx, Engine.Sample("formats/KB293302/xml"), Engine.Sample("formats/KB293302/json"), Engine.Sample("formats/KB293302/csv"), Engine.Sample("formats/KB293302/legacy-csv"), Engine.Sample("formats/KB293302/text") })
        {
            var report = Weighed.Value.Analyze([folder]);
            Assert.IsTrue(report.Inputs.All(i => i.Skipped == 0), folder + ": " + string.Join("; ", report.Inputs.Select(i => $"{i.Path} {i.Format} {i.Records} {i.Skipped} {string.Join(",", i.Errors.Select(e => e.Message))}")));
            var d = report.Diagnoses.Single(x => x.Rule == "Test.weighed-412");
            var b = d.ConfidenceBasis!;
            seen.Add($"{d.Confidence} {b.Base} {b.Max} {b.CappedSingleRecord} {string.Join(",", b.Corroborating.Select(c => c.Weight))} {b.Missing.Count}");
        }

        Assert.AreEqual(1, seen.Distinct().Count(), string.Join("\n", seen));
        Assert.AreEqual("0.85 0.6 0.95 False 0.25 0", seen[0]);
    }

    private static string ReportJsonText(AnalysisReport report) => Diagnose.Reports.ReportJson.Write(report);

    private static string Paste(params (string Node, string Time)[] events) =>
        "Application Log\r\n===============\r\n" + string.Concat(events.Select(e =>
            $"Event ID: 412\r\nSource: ESENT\r\nType: Error\r\nCategory: Logging/Recovery\r\nComputer: {e.Node}\r\nDate: 2/12/2007\r\nTime: {e.Time} AM\r\nDescription:\r\nwins (1044) Unable to read the log header. Error -530. \r\n\r\n"));
}
