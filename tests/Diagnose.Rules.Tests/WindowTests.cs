namespace Diagnose.Rules.Tests;

[TestClass]
public sealed class WindowTests
{
    private const string NoFollowUp = """
        {"id": "no-609", "title": "t", "when": [
           {"fact": "Ev", "as": "a", "where": "a.id == 412"},
           {"not": {"fact": "Ev", "as": "b", "where": "b.id == 609 && b.time >= a.time && b.time <= a.time + 10m"}}],
         "then": [{"diagnose": {"rootCause": "{a.node}"}}]}
        """;

    [TestMethod]
    public void Advance_NotOverALaterFact_WaitsUntilTheWindowCloses()
    {
        using var e = new Engine(NoFollowUp);
        Stream(e, ("N1", 412, 0), ("N2", 412, 20), ("N2", 609, 25), ("N3", 1, 31));
        Assert.AreEqual(1, e.Fired("no-609"), "N1's window closed at 10 min with no 609; N2's 609 came 5 min later");
        CollectionAssert.AreEqual(new[] { "N1" }, e.Texts());
        e.Session.Run();
        Assert.AreEqual(1, e.Fired("no-609"));
    }

    [TestMethod]
    public void Advance_WindowStillOpenAtEndOfInput_RunFiresIt()
    {
        using var e = new Engine(NoFollowUp);
        Stream(e, ("N1", 412, 0), ("N1", 1, 9));
        Assert.AreEqual(0, e.Fired("no-609"), "a 609 could still come");
        e.Session.Run();
        Assert.AreEqual(1, e.Fired("no-609"));
    }

    [TestMethod]
    public void Advance_LongStream_MemoryIsBoundedByTheWindow()
    {
        using var e = new Engine("""
            {"id": "pair", "title": "t", "when": [
               {"fact": "Ev", "as": "a", "where": "a.id == 1"},
               {"fact": "Ev", "as": "b", "where": "b.id == 2 && b.node == a.node && b.time >= a.time && b.time <= a.time + 10m"}],
             "then": [{"diagnose": {"rootCause": "x"}}]}
            """);
        var most = 0;
        for (var minute = 0; minute < 2000; minute++)
        {
            Stream(e, ("N", minute % 2 == 0 ? 1 : 2, minute));
            most = Math.Max(most, e.Session.FactCount);
        }

        e.Session.Run();
        // Each id-1 fact pairs with the id-2 facts 1, 3, 5, 7 and 9 minutes later: 5 per id-1 fact,
        // except near the end. Only about a window's worth of facts (10 min) is ever held.
        Assert.AreEqual((1000 * 5) - (1 + 2 + 3 + 4), e.Fired("pair"));
        Assert.IsTrue(most <= 30, $"held {most} facts at most");
    }

    private static void Stream(Engine e, params (string Node, long Id, int Minutes)[] facts)
    {
        foreach (var (node, id, minutes) in facts)
        {
            e.Session.Advance(TestSchemas.T0.AddMinutes(minutes));
            e.Add(node, id, minutes);
        }
    }
}
