using Diagnose.Rules.Loading;
using Diagnose.Rules.Network;

namespace Diagnose.Rules.Tests;

[TestClass]
public sealed class WindowAnalysisTests
{
    [TestMethod]
    public void Of_ClipsAnchorRules_WaitIsSpanPlusTheLagOfTheDerivedFactsUsed()
    {
        var loaded = RuleLoader.Load([Path.Combine(AppContext.BaseDirectory, "clips-rules")], new TestCatalog([]));
        var wait = WindowAnalysis.Of(loaded.RuleSet).Wait;
        long Seconds(string rule) => wait[rule]!.Value / TimeSpan.TicksPerSecond;

        Assert.AreEqual(0, Seconds("esent-609-in-cluster"), "one timed pattern");
        Assert.AreEqual(600, Seconds("esent-412-609-propagation"), "b within [a, a + 10m]");
        Assert.AreEqual(600, Seconds("esent-412-no-609"), "the helper's facts lag by 0");
        Assert.AreEqual(300, Seconds("exds-528-clussvc-1042"), "b within a ± 5m: 5 minutes apart at most");
        Assert.AreEqual(1800 + 300, Seconds("clussvc-1024-benign"), "30 min window + the root cause's lag; its own Benign guard adds none");
        Assert.AreEqual(7200, Seconds("clussvc-1042-storm"), "members up to 1h after a, storms up to 1h before it");
        Assert.AreEqual(3600 + 7200, Seconds("failover-incident"), "±1h + the storm's lag");
    }

    [TestMethod]
    public void Of_RuleWithUnlinkedTimedPatterns_HasNoWindow()
    {
        using var folder = new RuleFolder();
        folder.Write("r.json", """
            {"id": "any-two", "title": "t", "when": [
               {"fact": "Ev", "as": "a", "where": "a.id == 1"},
               {"fact": "Ev", "as": "b", "where": "b.id == 2 && b.time >= a.time"}],
             "then": [{"diagnose": {"rootCause": "x"}}]}
            """);
        Assert.IsNull(WindowAnalysis.Of(folder.Load().RuleSet).Wait["any-two"], "b may come any time after a");
    }
}
