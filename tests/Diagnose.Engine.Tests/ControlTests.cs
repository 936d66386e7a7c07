namespace Diagnose.Engine.Tests;

[TestClass]
public sealed class ControlTests
{
    [TestMethod]
    [DataRow("healthy-cluster")]
    [DataRow("near-miss-412-standalone")]
    [DataRow("near-miss-609-alone")]
    [DataRow("near-miss-1042-other-resource")]
    [DataRow("near-miss-1002-other-error")]
    [DataRow("lone-1024")]
    [DataRow("all-2003-412")]
    [DataRow("healthy-sp5-bad-checkpoint")]
    public void Analyze_ControlCase_GivesNoDiagnosis(string control)
    {
        var report = Engine.Analyze(Engine.Sample("controls/" + control));

        Assert.IsEmpty(report.Diagnoses, string.Join("; ", report.Diagnoses.Select(d => d.Rule)));
        Assert.IsEmpty(report.Benign);
    }

    [TestMethod]
    public void Analyze_NearMisses_ListTheirArticleEventsAsUnexplained()
    {
        (string Control, string Expected)[] cases =
        [
            ("near-miss-412-standalone", "ESENT 412"),
            ("near-miss-609-alone", "ESENT 609"),
            ("near-miss-1042-other-resource", "ClusSvc 1042"),
            ("near-miss-1002-other-error", "ClusSvc 1042,MSExchangeDS 1002"),
        ];
        foreach (var (control, expected) in cases)
        {
            var report = Engine.Analyze(Engine.Sample("controls/" + control));
            Assert.AreEqual(expected, string.Join(",", report.Unexplained.Select(u => $"{u.Provider} {u.EventId}").Order(StringComparer.Ordinal)), control);
        }
    }

    [TestMethod]
    public void Analyze_1024WithoutRestoreContext_IsUnexplainedNotBenign()
    {
        var report = Engine.Analyze(Engine.Sample("controls/lone-1024"));

        var unexplained = report.Unexplained.Single();
        Assert.AreEqual(("ClusSvc", 1024, 9105L, "EXCLNODE1"), (unexplained.Provider, unexplained.EventId, unexplained.Record, unexplained.Node));
        StringAssert.Contains(unexplained.Reason, "no rule explains it");
        Assert.IsEmpty(report.Benign);
    }

    [TestMethod]
    public void Analyze_All2003ClusterWith412_RulesKb293302OutByTheFailingNodesBootBanner()
    {
        var report = Engine.Analyze(Engine.Sample("controls/all-2003-412"));

        // Issue 13: a cluster whose nodes all run Windows Server 2003 is not KB293302's mixed cluster.
        Assert.IsEmpty(report.Diagnoses);
        var ruledOut = report.RuledOut.Single(r => r.Rule == "KB293302.log-unreadable-after-upgrade-elsewhere");
        StringAssert.StartsWith(ruledOut.Reason, "WNODE1 ran Windows Server 2003 when it logged the 412 (6009");
        var banner = ruledOut.By.Single();
        Assert.AreEqual(("WNODE1", 6009, 30118L), (banner.Node, banner.EventId, banner.Record));
        Assert.AreEqual("ESENT 412,ESENT 609", string.Join(",", report.Unexplained.Select(u => $"{u.Provider} {u.EventId}").Order(StringComparer.Ordinal)));
    }

    [TestMethod]
    public void Analyze_Q188674ProcedureRightFirstTime_NoDiagnosisAndThe1024IsBenign()
    {
        // Issue 13: the 1024 after the directory was started outside the cluster is harmless even with no failure before it.
        var report = Engine.Analyze(Engine.Sample("controls/q188674-right-first-time"));

        Assert.IsEmpty(report.Diagnoses, string.Join("; ", report.Diagnoses.Select(d => d.Rule)));
        Assert.IsEmpty(report.Unexplained);
        var benign = report.Benign.Single();
        Assert.AreEqual(("ClusSvc", 1024, 5316L, "EXRFT1"), (benign.Provider, benign.EventId, benign.Record, benign.Node));
        Assert.AreEqual("Q188674.checkpoint-warning-after-restore-procedure", benign.Rule);
        StringAssert.Contains(benign.Reason, "running at 1999-10-05 09:41:05 UTC");
    }

    [TestMethod]
    public void Analyze_Sp5ClusterWithAnInconsistentCheckpoint_RulesOutTheManualRouteBecauseTheServiceFormsFromClusdb()
    {
        var report = Engine.Analyze(Engine.Sample("controls/healthy-sp5-bad-checkpoint"));

        var ruledOut = report.RuledOut.Single(r => r.Rule == "Q217147.latest-checkpoint-inconsistent-clusdb-valid");
        StringAssert.Contains(ruledOut.Reason, "forms from the node's own Clusdb by itself");
        Assert.IsTrue(ruledOut.By.Count > 0, "the ruled-out entry names the facts that ruled it out");
    }
}
