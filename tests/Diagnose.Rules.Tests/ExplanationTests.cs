using Diagnose.Rules.Engine;

namespace Diagnose.Rules.Tests;

[TestClass]
public sealed class ExplanationTests
{
    [TestMethod]
    public void ProofWriter_ChainedConclusion_ShowsEachPatternTheDerivingRuleAndTheSourceOrigin()
    {
        using var e = new Engine(
            """{"id": "root", "title": "t", "priority": 10, "when": [{"fact": "Ev", "as": "f", "where": "f.id == 1002"}], "then": [{"derive": {"fact": "Incident", "set": {"node": "f.node", "time": "f.time"}}}]}""",
            """
            {"id": "benign", "title": "t", "when": [
               {"fact": "Ev", "as": "w", "where": "w.id == 1024"},
               {"fact": "Incident", "as": "i", "where": "i.node == w.node"}],
             "then": [{"benign": {"event": "w", "reason": "r"}}]}
            """);
        e.Session.Insert(Facts.Fact.Create(e.Rules.Schemas.Get("Ev"), new Dictionary<string, object?> { ["node"] = "N1", ["id"] = 1002L }, origin: "app.evtx#41"));
        e.Session.Insert(Facts.Fact.Create(e.Rules.Schemas.Get("Ev"), new Dictionary<string, object?> { ["node"] = "N1", ["id"] = 1024L }, origin: "sys.evtx#7"));
        e.Session.Run();
        var proof = ProofWriter.Write(e.Session.Conclusions.Single().Proof);
        StringAssert.StartsWith(proof, "rule benign");
        StringAssert.Contains(proof, "match w: Ev(node=N1, id=1024");
        StringAssert.Contains(proof, "from sys.evtx#7");
        StringAssert.Contains(proof, "derived by:");
        StringAssert.Contains(proof, "rule root");
        StringAssert.Contains(proof, "from app.evtx#41");
    }

    [TestMethod]
    public void WhyNot_JoinWithoutPartner_NamesThePatternAndItsCandidates()
    {
        using var e = new Engine("""
            {"id": "pair", "title": "t", "when": [
               {"fact": "Ev", "as": "a", "where": "a.id == 1"},
               {"fact": "Ev", "as": "b", "where": "b.id == 2 && b.node == a.node"}],
             "then": [{"diagnose": {"rootCause": "x"}}]}
            """);
        e.Add("N1", 1, 0);
        e.Add("N2", 2, 0);
        e.Session.Run();
        var why = e.Session.WhyNot("pair");
        StringAssert.Contains(why.Summary, "pattern match 'b' (Ev) has no match: 1 Ev fact(s) pass its own tests, but none joins the 1 match(es)");
        Assert.AreEqual(1, why.Steps[0].Passing);
        Assert.AreEqual(0, why.Steps[1].Passing);
    }

    [TestMethod]
    public void WhyNot_NoCandidate_SaysNoFactPassesItsOwnTests()
    {
        using var e = new Engine("""{"id": "one", "title": "t", "when": [{"fact": "Ev", "as": "a", "where": "a.id == 1"}], "then": [{"diagnose": {"rootCause": "x"}}]}""");
        e.Add("N1", 2, 0);
        e.Session.Run();
        StringAssert.Contains(e.Session.WhyNot("one").Summary, "no Ev fact passes its own tests");
    }

    [TestMethod]
    public void WhyNot_BlockedByNot_NamesTheBlocker()
    {
        using var e = new Engine("""
            {"id": "alone", "title": "t", "when": [
               {"fact": "Ev", "as": "a", "where": "a.id == 1"},
               {"not": {"fact": "Ev", "as": "b", "where": "b.id == 2 && b.node == a.node"}}],
             "then": [{"diagnose": {"rootCause": "x"}}]}
            """);
        e.Add("N1", 1, 0);
        e.Add("N1", 2, 0, "the blocker");
        e.Session.Run();
        StringAssert.Contains(e.Session.WhyNot("alone").Summary, "is matched, so the rule is blocked: for example by Ev(node=N1, id=2");
    }
}
