namespace Diagnose.Rules.Tests;

[TestClass]
public sealed class NegationTests
{
    private const string Rule = """
        {"id": "no-609", "title": "t", "when": [
           {"fact": "Ev", "as": "a", "where": "a.id == 412"},
           {"not": {"fact": "Ev", "as": "b", "where": "b.id == 609 && b.node == a.node && b.time >= a.time && b.time <= a.time + 10m"}}],
         "then": [{"diagnose": {"rootCause": "{a.node}"}}]}
        """;

    [TestMethod]
    public void Not_BlockerRetracted_NegationBecomesTrueAndFires()
    {
        using var e = new Engine(Rule);
        e.Add("N1", 412, 0);
        var blocker = e.Add("N1", 609, 5);
        e.Session.Run();
        Assert.AreEqual(0, e.Fired("no-609"));

        e.Session.Retract(blocker);
        e.Session.Run();
        CollectionAssert.AreEqual(new[] { "N1" }, e.Texts());
    }

    [TestMethod]
    public void Not_BlockerInsertedBeforeRun_WithdrawsThePendingActivation()
    {
        using var e = new Engine(Rule);
        e.Add("N1", 412, 0);
        e.Add("N2", 412, 0);
        e.Add("N1", 609, 10);   // at the window's edge: blocks N1
        e.Add("N2", 609, 11);   // outside N2's window: does not block
        e.Session.Run();
        CollectionAssert.AreEqual(new[] { "N2" }, e.Texts());
    }

    [TestMethod]
    public void Not_OneOfTwoBlockersRetracted_StaysBlocked()
    {
        using var e = new Engine(Rule);
        e.Add("N1", 412, 0);
        var first = e.Add("N1", 609, 1);
        var second = e.Add("N1", 609, 2);
        e.Session.Retract(first);
        e.Session.Run();
        Assert.AreEqual(0, e.Fired("no-609"));
        e.Session.Retract(second);
        e.Session.Run();
        Assert.AreEqual(1, e.Fired("no-609"));
    }
}
