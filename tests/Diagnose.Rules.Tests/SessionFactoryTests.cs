using Diagnose.Rules.Engine;

namespace Diagnose.Rules.Tests;

/// <summary>Sessions share one compiled network; each keeps its facts, matches and firings to itself.</summary>
[TestClass]
public sealed class SessionFactoryTests
{
    // ESENT 412 then a 609 on another node within 10 minutes (the shape of the KB293302 propagation rule).
    private const string Pair = """
        {"id": "pair", "title": "t", "when": [
           {"fact": "Ev", "as": "a", "where": "a.id == 412"},
           {"fact": "Ev", "as": "b", "where": "b.id == 609 && b.node != a.node && b.time >= a.time && b.time <= a.time + 10m"}],
         "then": [{"derive": {"fact": "Incident", "set": {"node": "a.node", "time": "b.time"}}},
                  {"diagnose": {"rootCause": "{a.node} then {b.node}"}}]}
        """;

    [TestMethod]
    public void CreateSession_BothFactsInOneSession_Fires()
    {
        using var folder = Load(out var sessions);
        var session = sessions.CreateSession();
        session.Insert(TestSchemas.Ev(sessions.Rules.Schemas, "N1", 412, 0));
        session.Insert(TestSchemas.Ev(sessions.Rules.Schemas, "N2", 609, 5));
        session.Run();
        CollectionAssert.AreEqual(new[] { "N1 then N2" }, session.Conclusions.Select(c => c.Text).ToArray());
    }

    [TestMethod]
    public void CreateSession_FactsSplitOverTwoSessions_NeitherSeesTheOthers()
    {
        using var folder = Load(out var sessions);
        var first = sessions.CreateSession();
        var second = sessions.CreateSession();
        first.Insert(TestSchemas.Ev(sessions.Rules.Schemas, "N1", 412, 0));
        second.Insert(TestSchemas.Ev(sessions.Rules.Schemas, "N2", 609, 5));
        first.Run();
        second.Run();
        Assert.AreEqual(0, first.Firings.Count + second.Firings.Count, "a match across sessions would mean shared memory");

        var firstWhy = first.WhyNot("pair");
        var secondWhy = second.WhyNot("pair");
        Assert.AreEqual(1, firstWhy.Steps[0].Candidates, "the first session holds its 412");
        Assert.AreEqual(0, firstWhy.Steps[1].Candidates, "and no 609");
        Assert.AreEqual(0, secondWhy.Steps[0].Candidates, "the second session holds no 412");
        Assert.AreEqual(1, secondWhy.Steps[1].Candidates, "only its own 609");
        Assert.AreEqual(1, first.FactCount);
        Assert.AreEqual(1, second.FactCount);
    }

    [TestMethod]
    public void CreateSession_AfterAnotherSessionRan_StartsEmpty()
    {
        using var folder = Load(out var sessions);
        var used = sessions.CreateSession();
        used.Insert(TestSchemas.Ev(sessions.Rules.Schemas, "N1", 412, 0));
        used.Insert(TestSchemas.Ev(sessions.Rules.Schemas, "N2", 609, 5));
        used.Run();
        Assert.AreEqual(1, used.FiringCounts["pair"]);

        var fresh = sessions.CreateSession();
        Assert.AreEqual(0, fresh.FactCount);
        Assert.AreEqual(0, fresh.Firings.Count);
        Assert.AreEqual(0, fresh.Facts(sessions.Rules.Schemas.Get("Incident")).Count(), "a derived fact stays in the session that derived it");
        var why = fresh.WhyNot("pair");
        Assert.AreEqual(1, why.Steps[0].Reaching, "only the session's own empty match reaches the first pattern");
        Assert.AreEqual(0, why.Steps[0].Candidates + why.Steps[1].Candidates);

        // The same facts in the fresh session fire again: the first session's refraction is its own.
        fresh.Insert(TestSchemas.Ev(sessions.Rules.Schemas, "N1", 412, 0));
        fresh.Insert(TestSchemas.Ev(sessions.Rules.Schemas, "N2", 609, 5));
        fresh.Run();
        Assert.AreEqual(1, fresh.FiringCounts["pair"]);
    }

    [TestMethod]
    public void Retract_InOneSession_LeavesTheOtherSessionsConclusion()
    {
        using var folder = Load(out var sessions);
        var schemas = sessions.Rules.Schemas;
        var kept = sessions.CreateSession();
        var changed = sessions.CreateSession();
        kept.Insert(TestSchemas.Ev(schemas, "N1", 412, 0));
        kept.Insert(TestSchemas.Ev(schemas, "N2", 609, 5));
        var cause = TestSchemas.Ev(schemas, "N1", 412, 0);
        changed.Insert(cause);
        changed.Insert(TestSchemas.Ev(schemas, "N2", 609, 5));
        kept.Run();
        changed.Run();

        changed.Retract(cause);
        Assert.AreEqual(0, changed.Conclusions.Count, "the retracted 412 takes its conclusion with it");
        Assert.AreEqual(0, changed.Facts(schemas.Get("Incident")).Count(), "and the incident it derived");
        Assert.AreEqual(1, kept.Conclusions.Count, "the other session's match is untouched");
        Assert.AreEqual(1, kept.Facts(schemas.Get("Incident")).Count());
    }

    [TestMethod]
    public void Insert_AFactAlreadyInAnotherSession_IsRefused()
    {
        using var folder = Load(out var sessions);
        var fact = TestSchemas.Ev(sessions.Rules.Schemas, "N1", 412, 0);
        sessions.CreateSession().Insert(fact);
        Assert.ThrowsExactly<InvalidOperationException>(() => sessions.CreateSession().Insert(fact));
    }

    private static RuleFolder Load(out SessionFactory sessions)
    {
        var folder = new RuleFolder();
        folder.Write("pair.json", Pair);
        var loaded = folder.Load();
        Assert.IsTrue(loaded.Ok, string.Join("\n", loaded.Problems));
        sessions = SessionFactory.Compile(loaded.RuleSet);
        return folder;
    }
}
