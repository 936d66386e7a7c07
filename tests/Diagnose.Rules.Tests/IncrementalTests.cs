namespace Diagnose.Rules.Tests;

[TestClass]
public sealed class IncrementalTests
{
    private const string Rule = """
        {"id": "near", "title": "t", "when": [
           {"fact": "Ev", "as": "a", "where": "a.id == 1002"},
           {"fact": "Ev", "as": "b", "where": "b.id == 1042 && b.node == a.node && b.time >= a.time - 5m && b.time <= a.time + 5m"}],
         "then": [{"diagnose": {"rootCause": "{a.node} {b.time}"}}]}
        """;

    [TestMethod]
    public void Update_FactMovesOutOfAndBackIntoTheWindow_ConclusionFollows()
    {
        using var e = new Engine(Rule);
        e.Add("N1", 1002, 0);
        var b = e.Add("N1", 1042, 4);
        e.Session.Run();
        Assert.AreEqual(1, e.Session.Conclusions.Count);

        e.Session.Update(b, new Dictionary<string, object?> { ["time"] = TestSchemas.T0.AddMinutes(6) });
        e.Session.Run();
        Assert.AreEqual(0, e.Session.Conclusions.Count, "moved out of the window: the match and its conclusion are gone");

        e.Session.Update(b, new Dictionary<string, object?> { ["time"] = TestSchemas.T0.AddMinutes(-5) });
        e.Session.Run();
        CollectionAssert.AreEqual(new[] { "N1 2024-03-05 09:55:00 UTC" }, e.Texts());
        Assert.AreEqual(2, e.Fired("near"), "an updated fact is a new match, so it fires again");
    }

    [TestMethod]
    public void Update_NodeChanged_JoinsTheOtherNode()
    {
        using var e = new Engine(Rule);
        e.Add("N1", 1002, 0);
        e.Add("N2", 1002, 0);
        var b = e.Add("N1", 1042, 1);
        e.Session.Update(b, new Dictionary<string, object?> { ["node"] = "N2" });
        e.Session.Run();
        CollectionAssert.AreEqual(new[] { "N2 2024-03-05 10:01:00 UTC" }, e.Texts());
        Assert.AreEqual(1, e.Fired("near"), "the pending N1 match was withdrawn before it fired");
    }

    [TestMethod]
    public void Retract_FactNeverInserted_Throws()
    {
        using var e = new Engine(Rule);
        Assert.ThrowsExactly<InvalidOperationException>(() => e.Session.Retract(e.Ev("N", 1, 0)));
    }
}
