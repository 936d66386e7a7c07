namespace Diagnose.Rules.Tests;

/// <summary>The session's streaming clock: when a fact is forgotten, and that forgetting is not retraction.</summary>
[TestClass]
public sealed class WindowSchedulerTests
{
    private const string Pair = """
        {"id": "pair", "title": "t", "when": [
           {"fact": "Ev", "as": "a", "where": "a.id == 1"},
           {"fact": "Ev", "as": "b", "where": "b.id == 2 && b.node == a.node && b.time >= a.time && b.time <= a.time + 10m"}],
         "then": [{"derive": {"fact": "Incident", "set": {"node": "a.node", "time": "b.time"}}}]}
        """;

    private const string Report = """
        {"id": "report", "title": "t", "when": [{"fact": "Incident", "as": "i"}],
         "then": [{"diagnose": {"rootCause": "incident on {i.node}"}}]}
        """;

    [TestMethod]
    public void Advance_ToTheWindowsLastInstant_KeepsTheFactAndMatches()
    {
        using var e = new Engine(Pair);
        Stream(e, (1, 0), (2, 10));
        e.Session.Run();
        Assert.AreEqual(1, e.Fired("pair"), "10 minutes is still inside the window");
    }

    [TestMethod]
    public void Advance_PastTheRetention_ForgetsTheFact()
    {
        using var e = new Engine(Pair);
        Stream(e, (1, 0));
        Assert.AreEqual(1, e.Session.FactCount);
        e.Session.Advance(TestSchemas.T0.AddMinutes(10).AddTicks(1));
        Assert.AreEqual(0, e.Session.FactCount, "no rule can use the id-1 fact once the clock is past its time + 10 minutes");
        e.Add("N", 2, 10);
        e.Session.Run();
        Assert.AreEqual(0, e.Fired("pair"));
    }

    [TestMethod]
    public void Advance_ForgettingTheMatchedFacts_KeepsWhatTheyDerived()
    {
        using var e = new Engine(Pair, Report);
        Stream(e, (1, 0), (2, 5), (3, 60));
        e.Session.Run();
        Assert.AreEqual(0, e.Session.Facts(e.Rules.Schemas.Get("Ev")).Count(), "both events were forgotten an hour later");
        CollectionAssert.AreEqual(new[] { "incident on N" }, e.Texts(), "forgetting is not retraction: the incident and its conclusion stay");
    }

    [TestMethod]
    public void Retract_AMatchedFactBeforeItIsForgotten_WithdrawsWhatItDerived()
    {
        using var e = new Engine(Pair, Report);
        e.Session.Advance(TestSchemas.T0);
        var cause = e.Add("N", 1, 0);
        e.Session.Advance(TestSchemas.T0.AddMinutes(5));
        e.Add("N", 2, 5);
        e.Session.Run();
        Assert.AreEqual(1, e.Texts().Length);
        e.Session.Retract(cause);
        Assert.AreEqual(0, e.Texts().Length, "a retraction withdraws the incident and the conclusion drawn from it");
    }

    [TestMethod]
    public void Advance_BehindTheClock_CountsALateFact()
    {
        using var e = new Engine(Pair);
        Stream(e, (1, 5));
        e.Session.Advance(TestSchemas.T0);
        Assert.AreEqual(1, e.Session.LateFacts);
        e.Add("N", 2, 6);
        e.Session.Run();
        Assert.AreEqual(1, e.Fired("pair"), "a late clock moves nothing back: the remembered fact still matches");
    }

    private static void Stream(Engine e, params (long Id, int Minutes)[] facts)
    {
        foreach (var (id, minutes) in facts)
        {
            e.Session.Advance(TestSchemas.T0.AddMinutes(minutes));
            e.Add("N", id, minutes);
        }
    }
}
