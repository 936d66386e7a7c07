using Diagnose.Rules.Engine;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Tests;

[TestClass]
public sealed class RuleSessionTests
{
    private static (RuleSession Session, Model.RuleSet Rules) Session(RuleFolder folder)
    {
        var result = folder.Load();
        Assert.IsTrue(result.Ok, string.Join("\n", result.Problems));
        return (new RuleSession(result.RuleSet), result.RuleSet);
    }

    [TestMethod]
    public void Run_JoinWithinWindowOnOtherNode_FiresOncePerMatchingPair()
    {
        using var folder = new RuleFolder();
        folder.Write("join.json", """
            {"id": "join", "title": "t", "when": [
               {"fact": "Ev", "as": "a", "where": "a.id == 412"},
               {"fact": "Ev", "as": "b", "where": "b.id == 609 && b.node != a.node && a.time - b.time <= 10m && b.time <= a.time"}],
             "then": [{"diagnose": {"rootCause": "{a.node} after {b.node}"}}]}
            """);
        var (session, rules) = Session(folder);
        var s = rules.Schemas;
        session.Insert(TestSchemas.Ev(s, "N1", 412, 10));
        session.Insert(TestSchemas.Ev(s, "N2", 609, 5));   // matches
        session.Insert(TestSchemas.Ev(s, "N1", 609, 5));   // same node: no
        session.Insert(TestSchemas.Ev(s, "N3", 609, -1));  // 11 minutes before: outside the window
        session.Insert(TestSchemas.Ev(s, "N4", 609, 11));  // after the 412: no
        session.Run();
        Assert.AreEqual("N1 after N2", session.Conclusions.Single().Text);
    }

    [TestMethod]
    public void Run_Negation_FiresOnlyWithoutTheNegatedFact()
    {
        using var folder = new RuleFolder();
        folder.Write("not.json", """
            {"id": "alone", "title": "t", "when": [
               {"fact": "Ev", "as": "a", "where": "a.id == 412"},
               {"not": {"fact": "Ev", "as": "b", "where": "b.id == 609 && b.node == a.node"}}],
             "then": [{"diagnose": {"rootCause": "{a.node}"}}]}
            """);
        var (session, rules) = Session(folder);
        session.Insert(TestSchemas.Ev(rules.Schemas, "N1", 412, 0));
        session.Insert(TestSchemas.Ev(rules.Schemas, "N2", 412, 0));
        session.Insert(TestSchemas.Ev(rules.Schemas, "N2", 609, 0));
        session.Run();
        CollectionAssert.AreEqual(new[] { "N1" }, session.Conclusions.Select(c => c.Text).ToArray());
    }

    [TestMethod]
    public void Run_Exists_FiresOnceNoMatterHowManyWitnesses()
    {
        using var folder = new RuleFolder();
        folder.Write("exists.json", """
            {"id": "witnessed", "title": "t", "when": [
               {"fact": "Ev", "as": "a", "where": "a.id == 1"},
               {"exists": {"fact": "Ev", "as": "w", "where": "w.id == 2 && w.node == a.node"}}],
             "then": [{"diagnose": {"rootCause": "{a.node}"}}]}
            """);
        var (session, rules) = Session(folder);
        session.Insert(TestSchemas.Ev(rules.Schemas, "N1", 1, 0));
        session.Insert(TestSchemas.Ev(rules.Schemas, "N1", 2, 0));
        session.Insert(TestSchemas.Ev(rules.Schemas, "N1", 2, 1));
        session.Insert(TestSchemas.Ev(rules.Schemas, "N2", 1, 0));
        session.Run();
        CollectionAssert.AreEqual(new[] { "N1" }, session.Conclusions.Select(c => c.Text).ToArray());
        Assert.IsNull(session.Conclusions[0].Proof.Facts[1], "an exists pattern binds no fact");
    }

    [TestMethod]
    public void Run_Chaining_DerivedFactFeedsABenignRuleAndCarriesItsProof()
    {
        using var folder = new RuleFolder();
        folder.Write("a-root.json", """
            {"id": "root", "title": "t", "priority": 10, "when": [{"fact": "Ev", "as": "f", "where": "f.id == 1002"}],
             "then": [{"derive": {"fact": "Incident", "set": {"node": "f.node", "time": "f.time"}}}]}
            """);
        folder.Write("b-benign.json", """
            {"id": "benign", "title": "t", "when": [
               {"fact": "Ev", "as": "w", "where": "w.id == 1024"},
               {"fact": "Incident", "as": "i", "where": "i.node == w.node && i.time <= w.time"}],
             "then": [{"benign": {"event": "w", "reason": "after incident on {i.node}"}}]}
            """);
        var (session, rules) = Session(folder);
        var cause = TestSchemas.Ev(rules.Schemas, "N1", 1002, 0);
        session.Insert(cause);
        session.Insert(TestSchemas.Ev(rules.Schemas, "N1", 1024, 30));
        session.Insert(TestSchemas.Ev(rules.Schemas, "N2", 1024, 30));
        session.Run();
        var benign = session.Conclusions.Single();
        Assert.AreEqual(ConclusionKind.Benign, benign.Kind);
        Assert.AreEqual("N1", benign.Subject!["node"]);
        CollectionAssert.Contains(benign.Proof.InputSupport().ToList(), cause);
        Assert.AreEqual("root", benign.Proof.DerivedSupport().Single().DerivedBy!.Rule.Id);
    }

    [TestMethod]
    public void Run_SalienceThenRecency_OrdersFirings()
    {
        using var folder = new RuleFolder();
        folder.Write("low.json", """{"id": "low", "title": "t", "priority": 1, "when": [{"fact": "Ev", "as": "a"}], "then": [{"diagnose": {"rootCause": "low {a.id}"}}]}""");
        folder.Write("high.json", """{"id": "high", "title": "t", "priority": 9, "when": [{"fact": "Ev", "as": "a"}], "then": [{"diagnose": {"rootCause": "high {a.id}"}}]}""");
        var (session, rules) = Session(folder);
        session.Insert(TestSchemas.Ev(rules.Schemas, "N", 1, 0));
        session.Insert(TestSchemas.Ev(rules.Schemas, "N", 2, 0));
        session.Run();
        CollectionAssert.AreEqual(new[] { "high 2", "high 1", "low 2", "low 1" }, session.Conclusions.Select(c => c.Text).ToArray());
    }

    [TestMethod]
    public void Run_CycleOfDerivedFacts_TerminatesByRefraction()
    {
        using var folder = new RuleFolder();
        folder.Write("a.json", """{"id": "ev-to-incident", "title": "t", "when": [{"fact": "Ev", "as": "e"}], "then": [{"derive": {"fact": "Incident", "set": {"node": "e.node"}}}]}""");
        folder.Write("b.json", """{"id": "incident-to-storm", "title": "t", "when": [{"fact": "Incident", "as": "i"}], "then": [{"derive": {"fact": "Storm", "set": {"node": "i.node"}}}]}""");
        folder.Write("c.json", """{"id": "storm-to-incident", "title": "t", "when": [{"fact": "Storm", "as": "s"}], "then": [{"derive": {"fact": "Incident", "set": {"node": "s.node"}}}]}""");
        var (session, rules) = Session(folder);
        session.Insert(TestSchemas.Ev(rules.Schemas, "N", 1, 0));
        session.Run();
        Assert.AreEqual(3, session.Firings.Count);
        Assert.AreEqual(1, session.Facts(rules.Schemas.Get("Storm")).Count());
    }
}
