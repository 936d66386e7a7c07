using Diagnose.Analysis;
using Diagnose.Reports;
using Newtonsoft.Json.Linq;

namespace Diagnose.Engine.Tests;

/// <summary><see cref="AnalyzeOptions.WhyNot"/>: why a named article's rules did (not) fire, in the report.</summary>
[TestClass]
public sealed class WhyNotTests
{
    // The KB293302 rules that start from the 412 (the rolling-upgrade finding starts from the snapshot's resources).
    private static readonly string[] Kb293302Rules =
    [
        "KB293302.log-unreadable-after-upgrade-elsewhere",
        "KB293302.log-unreadable-on-cluster-node",
        "KB293302.log-unreadable-on-windows-2000-node",
        "KB293302.rolled-back-without-restoring",
    ];

    [TestMethod]
    public void Analyze_WhyNotKbOnNearMiss609Alone_NamesTheMissingJetLogUnreadablePattern()
    {
        var report = Analyze("controls/near-miss-609-alone", "KB293302");

        Assert.IsEmpty(report.Diagnoses);
        CollectionAssert.AreEquivalent(Kb293302Rules.Append("KB293302.rolling-upgrade-in-progress").ToList(), report.WhyNot!.Select(w => w.Rule).ToList());
        foreach (var why in report.WhyNot!.Where(w => Kb293302Rules.Contains(w.Rule)))
        {
            // The 609 is there; what is missing is the 412 with -530 every KB293302 rule starts from.
            Assert.AreEqual(0, why.Fired);
            Assert.AreEqual(("failed", "JetLogUnreadable", 1, 0), (why.StoppedAt!.Alias, why.StoppedAt.Fact, why.StoppedAt.Index, why.StoppedAt.Candidates), why.Rule);
            StringAssert.Contains(why.Reason, "'failed' (JetLogUnreadable) has no match");
        }

        var elsewhere = report.WhyNot!.Single(w => w.Rule == Kb293302Rules[0]);
        Assert.AreEqual(1, elsewhere.Patterns.Single(p => p.Alias == "upgraded").Candidates, "the 609 passes its own pattern");
    }

    [TestMethod]
    public void Analyze_WhyNotRuleThatFired_SaysHowOftenAndNamesNoPattern()
    {
        var report = Analyze("incidents/Q188674-exchange-ds-restore", "Q188674.restore-marker-overwritten");

        var why = report.WhyNot!.Single();
        Assert.AreEqual((1, (object?)null), (why.Fired, (object?)why.StoppedAt));
        StringAssert.Contains(why.Reason, "fired 1 time");
    }

    [TestMethod]
    public void Analyze_WhyNotQ217147OnOutdatedIncident_TheInconsistentRulesStopAtTheirCheckpointTest()
    {
        var report = Analyze("incidents/Q217147-outdated-checkpoint", "q217147");

        Assert.AreEqual(1, report.WhyNot!.Single(w => w.Rule == "Q217147.latest-checkpoint-outdated").Fired);
        var inconsistent = report.WhyNot!.Single(w => w.Rule == "Q217147.latest-checkpoint-inconsistent");
        Assert.AreEqual(("checkpoint", "LatestCheckpoint"), (inconsistent.StoppedAt!.Alias, inconsistent.StoppedAt.Fact));
    }

    [TestMethod]
    public void Analyze_WhyNotUnknownId_ThrowsNamingItBeforeReadingAnything()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() =>
            Engine.Instance.Analyze([AnalysisInput.FromFile("does-not-exist.evtx")], new AnalyzeOptions { WhyNot = ["KB293302", "KB000000"] }));

        StringAssert.Contains(error.Message, "'KB000000'");
        Assert.IsFalse(error.Message.Contains("'KB293302'", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Write_WithoutWhyNot_HasNoWhyNotKey_AndWithIt_HasTheStoppedPattern()
    {
        var plain = JObject.Parse(ReportJson.Write(Engine.Analyze(Engine.Sample("controls/near-miss-609-alone"))));
        var asked = JObject.Parse(ReportJson.Write(Analyze("controls/near-miss-609-alone", "KB293302.log-unreadable-after-upgrade-elsewhere")));

        Assert.IsNull(plain["whyNot"]);
        var why = ((JArray)asked["whyNot"]!).Single();
        Assert.AreEqual("KB293302", (string?)why["kb"]);
        Assert.AreEqual("failed", (string?)why["stoppedAt"]!["alias"]);
        Assert.AreEqual(3, ((JArray)why["patterns"]!).Count, "the 412, the 609 and the cluster membership");
    }

    private static Core.Reports.AnalysisReport Analyze(string sample, params string[] whyNot) =>
        Engine.Instance.Analyze([AnalysisInput.FromFile(Engine.Sample(sample))], new AnalyzeOptions { WhyNot = whyNot });
}
