namespace Diagnose.Rules.Tests;

[TestClass]
public sealed class RefractionTests
{
    private const string Rule = """{"id": "seen", "title": "t", "when": [{"fact": "Ev", "as": "a", "where": "a.id == 1"}], "then": [{"diagnose": {"rootCause": "{a.node}"}}]}""";

    [TestMethod]
    public void Run_Twice_EachMatchFiresOnce()
    {
        using var e = new Engine(Rule);
        e.Add("N1", 1, 0);
        e.Session.Run();
        e.Session.Run();
        e.Add("N2", 2, 0);
        e.Session.Run();
        Assert.AreEqual(1, e.Fired("seen"));
    }

    [TestMethod]
    public void Run_GuardOnOwnDerivedFact_FiresOncePerKeyAndKeepsWhatItDerived()
    {
        using var e = new Engine("""
            {"id": "first-per-node", "title": "t", "when": [
               {"fact": "Ev", "as": "a"},
               {"not": {"fact": "Storm", "as": "s", "where": "s.node == a.node"}}],
             "then": [{"derive": {"fact": "Storm", "set": {"node": "a.node"}}}]}
            """);
        e.Add("N1", 1, 0);
        e.Add("N1", 2, 1);
        e.Add("N2", 3, 2);
        e.Session.Run();
        Assert.AreEqual(2, e.Fired("first-per-node"));
        Assert.AreEqual(2, e.Session.Facts(e.Rules.Schemas.Get("Storm")).Count(), "the rule's own guard does not withdraw what it derived");
    }
}
