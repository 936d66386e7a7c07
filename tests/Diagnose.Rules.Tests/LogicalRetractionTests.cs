namespace Diagnose.Rules.Tests;

[TestClass]
public sealed class LogicalRetractionTests
{
    private static readonly string[] Rules =
    [
        """{"id": "incident", "title": "t", "priority": 10, "when": [{"fact": "Ev", "as": "f", "where": "f.id == 1002"}], "then": [{"derive": {"fact": "Incident", "set": {"node": "f.node"}}}]}""",
        """
        {"id": "explained", "title": "t", "when": [
           {"fact": "Ev", "as": "w", "where": "w.id == 1024"},
           {"fact": "Incident", "as": "i", "where": "i.node == w.node"}],
         "then": [{"benign": {"event": "w", "reason": "incident on {i.node}"}}]}
        """,
    ];

    [TestMethod]
    public void Retract_InputOfADerivedFact_WithdrawsTheFactAndWhatWasConcludedFromIt()
    {
        using var e = new Engine(Rules);
        var cause = e.Add("N1", 1002, 0);
        e.Add("N1", 1024, 1);
        e.Session.Run();
        Assert.AreEqual(1, e.Session.Conclusions.Count);

        e.Session.Retract(cause);
        Assert.AreEqual(0, e.Session.Facts(e.Rules.Schemas.Get("Incident")).Count());
        Assert.AreEqual(0, e.Session.Conclusions.Count);
    }

    [TestMethod]
    public void Retract_OneOfTwoSupports_DerivedFactStays()
    {
        using var e = new Engine(Rules);
        var first = e.Add("N1", 1002, 0);
        var second = e.Add("N1", 1002, 5);
        e.Add("N1", 1024, 9);
        e.Session.Run();
        var incident = e.Session.Facts(e.Rules.Schemas.Get("Incident")).Single();
        Assert.AreSame(second, incident.DerivedBy!.Facts[0], "the most recent match fired first and made the fact");

        e.Session.Retract(second);
        Assert.AreSame(incident, e.Session.Facts(e.Rules.Schemas.Get("Incident")).Single(), "still supported by the first 1002");
        Assert.AreSame(first, incident.DerivedBy!.Facts[0], "the proof now rests on the remaining support");
        Assert.AreEqual(1, e.Session.Conclusions.Count);

        e.Session.Retract(first);
        Assert.AreEqual(0, e.Session.Conclusions.Count);
    }
}
