namespace Diagnose.Rules.Tests;

[TestClass]
public sealed class ExistsTests
{
    [TestMethod]
    public void Exists_WitnessesComeAndGo_DerivedFactFollowsTheLastWitness()
    {
        using var e = new Engine("""
            {"id": "witnessed", "title": "t", "when": [
               {"fact": "Ev", "as": "a", "where": "a.id == 1"},
               {"exists": {"fact": "Ev", "as": "w", "where": "w.id == 2 && w.node == a.node"}}],
             "then": [{"derive": {"fact": "Incident", "set": {"node": "a.node", "time": "a.time"}}}]}
            """);
        var incident = e.Rules.Schemas.Get("Incident");
        e.Add("N1", 1, 0);
        var w1 = e.Add("N1", 2, 1);
        var w2 = e.Add("N1", 2, 2);
        e.Session.Run();
        Assert.AreEqual(1, e.Fired("witnessed"), "two witnesses, one match");
        Assert.AreEqual(1, e.Session.Facts(incident).Count());

        e.Session.Retract(w1);
        e.Session.Run();
        Assert.AreEqual(1, e.Session.Facts(incident).Count(), "one witness is left");

        e.Session.Retract(w2);
        Assert.AreEqual(0, e.Session.Facts(incident).Count(), "no witness: the logical fact is withdrawn");

        e.Add("N1", 2, 3);
        e.Session.Run();
        Assert.AreEqual(2, e.Fired("witnessed"), "a new witness makes a new match that fires");
        Assert.AreEqual(1, e.Session.Facts(incident).Count());
    }
}
