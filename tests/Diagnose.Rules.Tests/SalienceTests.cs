namespace Diagnose.Rules.Tests;

[TestClass]
public sealed class SalienceTests
{
    [TestMethod]
    public void Run_HigherSalienceWithOlderFact_FiresBeforeLowerSalienceWithNewerFact()
    {
        using var e = new Engine(
            """{"id": "old-high", "title": "t", "priority": 5, "when": [{"fact": "Ev", "as": "a", "where": "a.id == 1"}], "then": [{"diagnose": {"rootCause": "high {a.id}"}}]}""",
            """{"id": "new-low", "title": "t", "priority": 1, "when": [{"fact": "Ev", "as": "a", "where": "a.id == 2"}], "then": [{"diagnose": {"rootCause": "low {a.id}"}}]}""",
            """{"id": "new-same", "title": "t", "priority": 5, "when": [{"fact": "Ev", "as": "a", "where": "a.id == 3"}], "then": [{"diagnose": {"rootCause": "same {a.id}"}}]}""");
        e.Add("N", 1, 0);
        e.Add("N", 2, 0);
        e.Add("N", 3, 0);
        e.Session.Run();
        CollectionAssert.AreEqual(new[] { "same 3", "high 1", "low 2" }, e.Texts(), "salience first, then recency");
    }

    [TestMethod]
    public void Run_HigherSalienceGuard_BlocksALowerRuleBeforeItFires()
    {
        using var e = new Engine(
            """{"id": "mark", "title": "t", "priority": 10, "when": [{"fact": "Ev", "as": "a", "where": "a.id == 1"}], "then": [{"derive": {"fact": "Storm", "set": {"node": "a.node"}}}]}""",
            """
            {"id": "unmarked", "title": "t", "when": [
               {"fact": "Ev", "as": "a"},
               {"not": {"fact": "Storm", "as": "s", "where": "s.node == a.node"}}],
             "then": [{"diagnose": {"rootCause": "{a.node}"}}]}
            """);
        e.Add("N1", 1, 0);
        e.Add("N2", 2, 0);
        e.Session.Run();
        CollectionAssert.AreEqual(new[] { "N2" }, e.Texts());
    }
}
