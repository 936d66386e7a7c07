using Diagnose.Rules.Engine;

namespace Diagnose.Rules.Tests;

[TestClass]
public sealed class AggregationTests
{
    private const string Burst = """
        {"id": "burst", "title": "t", "when": [
           {"fact": "Ev", "as": "a", "where": "a.id == 1042 && a.text == 'start'"},
           {"aggregate": {"fact": "Ev", "as": "e", "where": "e.id == 1042 && e.node == a.node && e.time > a.time && e.time <= a.time + 1h",
                          "into": "later", "having": "later.count >= 3"}}],
         "then": [{"diagnose": {"rootCause": "{later.count} after {a.node}, {later.minTime} to {later.maxTime}", "evidence": ["a", "later"]}}]}
        """;

    [TestMethod]
    public void Aggregate_MembersAtTheWindowEdge_CountsOnlyThoseInside()
    {
        using var e = new Engine(Burst);
        e.Add("N", 1042, 0, "start");
        e.Add("N", 1042, 10);
        e.Add("N", 1042, 59);
        e.Add("N", 1042, 60);   // exactly one hour: inside
        e.Add("N", 1042, 61);   // one minute over: outside
        e.Add("M", 1042, 30);   // other node
        e.Session.Run();
        Assert.AreEqual("3 after N, 2024-03-05 10:10:00 UTC to 2024-03-05 11:00:00 UTC", e.Texts().Single());
    }

    [TestMethod]
    public void Aggregate_MemberRetracted_CountDropsBelowHavingAndConclusionIsWithdrawn()
    {
        using var e = new Engine(Burst);
        e.Add("N", 1042, 0, "start");
        var first = e.Add("N", 1042, 10);
        e.Add("N", 1042, 20);
        e.Add("N", 1042, 30);
        e.Session.Run();
        Assert.AreEqual(1, e.Texts().Length);

        e.Session.Retract(first);
        e.Session.Run();
        Assert.AreEqual(0, e.Texts().Length, "two left: below 'having'");

        e.Add("N", 1042, 40);
        e.Session.Run();
        Assert.AreEqual("3 after N, 2024-03-05 10:20:00 UTC to 2024-03-05 10:40:00 UTC", e.Texts().Single());
    }

    [TestMethod]
    public void Aggregate_Proof_CollectsEveryMemberAsEvidence()
    {
        using var e = new Engine(Burst);
        var start = e.Add("N", 1042, 0, "start");
        var members = new[] { e.Add("N", 1042, 5), e.Add("N", 1042, 6), e.Add("N", 1042, 7) };
        e.Session.Run();
        var conclusion = e.Session.Conclusions.Single();
        CollectionAssert.AreEquivalent(members.Append(start).ToArray(), conclusion.Proof.InputSupport().ToArray());
        CollectionAssert.AreEquivalent(members, conclusion.Evidence.Where(x => x.Role == "later").Select(x => x.Fact).ToArray());
        StringAssert.Contains(ProofWriter.Write(conclusion.Proof), "member: Ev(node=N, id=1042");
    }

    [TestMethod]
    public void Aggregate_HavingNeverHolds_WhyNotNamesTheAggregate()
    {
        using var e = new Engine(Burst);
        e.Add("N", 1042, 0, "start");
        e.Add("N", 1042, 10);
        e.Session.Run();
        var why = e.Session.WhyNot("burst");
        Assert.AreEqual(0, why.Fired);
        StringAssert.Contains(why.Summary, "'having' test fails");
    }
}
