namespace Diagnose.Rules.Tests;

[TestClass]
public sealed class JoinTests
{
    [TestMethod]
    public void Join_SelfJoinOnSameType_FiresOncePerOrderedPair()
    {
        using var e = new Engine("""
            {"id": "pair", "title": "t", "when": [
               {"fact": "Ev", "as": "a", "where": "a.id == 1"},
               {"fact": "Ev", "as": "b", "where": "b.id == 1 && b.node == a.node && b.time > a.time"}],
             "then": [{"diagnose": {"rootCause": "{a.text}-{b.text}"}}]}
            """);
        e.Add("N", 1, 0, "x");
        e.Add("N", 1, 1, "y");
        e.Add("N", 1, 2, "z");
        e.Add("M", 1, 3, "other node");
        e.Session.Run();
        CollectionAssert.AreEquivalent(new[] { "x-y", "x-z", "y-z" }, e.Texts());
    }

    [TestMethod]
    public void Join_HashKeyOnStrings_IgnoresCaseLikeTheLanguage()
    {
        using var e = new Engine("""
            {"id": "same-node", "title": "t", "when": [
               {"fact": "Ev", "as": "a", "where": "a.id == 1"},
               {"fact": "Ev", "as": "b", "where": "b.id == 2 && b.node == a.node"}],
             "then": [{"diagnose": {"rootCause": "{a.node}/{b.node}"}}]}
            """);
        e.Add("node1", 1, 0);
        e.Add("NODE1", 2, 0);
        e.Add("node2", 2, 0);
        e.Session.Run();
        CollectionAssert.AreEqual(new[] { "node1/NODE1" }, e.Texts());
    }

    [TestMethod]
    public void Join_RangeIndexWithFactsOutOfTimeOrder_FindsExactlyTheWindow()
    {
        using var e = new Engine("""
            {"id": "window", "title": "t", "when": [
               {"fact": "Ev", "as": "a", "where": "a.id == 1"},
               {"fact": "Ev", "as": "b", "where": "b.id == 2 && b.time >= a.time && b.time <= a.time + 10m"}],
             "then": [{"diagnose": {"rootCause": "{b.text}"}}]}
            """);
        e.Add("N", 2, 12, "late");
        e.Add("N", 2, 3, "in");
        e.Add("N", 1, 0);
        e.Add("N", 2, -5, "before");
        e.Add("N", 2, 10, "edge");
        e.Add("N", 2, 8, "in too");
        e.Session.Run();
        CollectionAssert.AreEquivalent(new[] { "in", "edge", "in too" }, e.Texts());
    }

    [TestMethod]
    public void Join_AlphaNodesSharedBetweenRules_BothRulesStillFire()
    {
        using var e = new Engine(
            """{"id": "r1", "title": "t", "when": [{"fact": "Ev", "as": "a", "where": "a.id == 7 && a.node == 'N'"}], "then": [{"diagnose": {"rootCause": "r1"}}]}""",
            """{"id": "r2", "title": "t", "when": [{"fact": "Ev", "as": "x", "where": "x.node == 'n' && x.id == 7 && x.text is null"}], "then": [{"diagnose": {"rootCause": "r2"}}]}""");
        e.Add("N", 7, 0);
        e.Add("N", 7, 1, "has text");
        e.Add("N", 8, 2);
        e.Session.Run();
        Assert.AreEqual(2, e.Fired("r1"));
        Assert.AreEqual(1, e.Fired("r2"));
    }
}
