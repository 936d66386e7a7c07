using Diagnose.Rules.Evidence;
using Diagnose.Rules.Testing;

namespace Diagnose.Rules.Tests;

/// <summary>
/// A rule's <c>order</c> (facts that must be in time order across nodes): loading errors at their line, and the
/// outcome against a clock model: holds, unmeasured, ambiguous (confidence capped), reversed (ruled out).
/// </summary>
[TestClass]
public sealed class OrderRuleTests
{
    private const string Ordered = """
        {
          "id": "r1", "title": "ordered", "kb": "KB1",
          "when": [ {"fact": "Ev", "as": "a", "where": "a.id == 609"},
                    {"fact": "Ev", "as": "b", "where": "b.id == 412 && b.node != a.node && b.time >= a.time - 5m"} ],
          "order": [ {"before": "a", "after": "b", "ambiguous": 0.5, "description": "609 on {a.node} before 412 on {b.node}"} ],
          "then": [ {"diagnose": {"rootCause": "x", "confidence": 0.9}} ]
        }
        """;

    [TestMethod]
    public void Load_BadOrderEntries_AreReportedWithLineAndColumn()
    {
        using var folder = new RuleFolder();
        folder.Write("bad.json", """
            {
              "id": "r1", "title": "bad", "kb": "KB1",
              "when": [ {"fact": "Ev", "as": "a", "where": "a.id == 1"}, {"fact": "Storm", "as": "s", "where": "s.node == a.node"} ],
              "order": [ {"before": "a", "after": "zz", "ambiguous": 0.5, "description": "x"},
                         {"before": "a", "after": "a", "ambiguous": 2, "description": "x"},
                         {"before": "a", "after": "s", "ambiguous": 0.5, "description": "x", "skew": 1} ],
              "then": [ {"diagnose": {"rootCause": "x", "confidence": 0.9}} ]
            }
            """);
        var problems = folder.Load().Problems;
        var text = string.Join("\n", problems);
        Assert.IsTrue(problems.Any(p => p.Line == 4 && p.Message.Contains("'after' names 'zz', which is not a 'when' alias", StringComparison.Ordinal)), text);
        Assert.IsTrue(problems.Any(p => p.Line == 5 && p.Message.Contains("'ambiguous' must be a number above 0 and at most 1", StringComparison.Ordinal)), text);
        Assert.IsTrue(problems.Any(p => p.Line == 6 && p.Message.Contains("needs a 'time' and a 'node' field", StringComparison.Ordinal)), text);
        Assert.IsTrue(problems.Any(p => p.Line == 6 && p.Message.Contains("unknown field 'skew' in order entry", StringComparison.Ordinal)), text);
    }

    [TestMethod]
    [DataRow(3, null, "unmeasured", 0.9, false)]
    [DataRow(3, 1.0, "holds", 0.9, false)]
    [DataRow(3, 240.0, "ambiguous", 0.5, false)]
    [DataRow(-2, 60.0, "reversed", 0.9, true)]
    [DataRow(-2, null, "reversed", 0.9, true)]
    [DataRow(-2, 180.0, "ambiguous", 0.5, false)]
    public void Apply_MarginAgainstTheClocks_GivesTheOutcome(int minutesAfter, double? uncertaintySeconds, string outcome, double confidence, bool ruledOut)
    {
        using var engine = new Engine(Ordered);
        var facts = new[] { engine.Add("N1", 609, 0), engine.Add("N2", 412, minutesAfter) };
        engine.Session.Run();
        var clocks = uncertaintySeconds is { } u ? new FixedClocks(TimeSpan.FromSeconds(u / 2)) : (IClockModel)UnmeasuredClocks.Instance;
        var assessed = new OrderAssessor(clocks).Apply(new EvidenceAssessor(new FactSource(facts, engine.Session, engine.Rules.Schemas)).Assess(engine.Session.Conclusions.Single()));

        var check = assessed.Order.Single();
        Assert.AreEqual(outcome, check.Outcome.ToString().ToLowerInvariant(), check.Text);
        Assert.AreEqual((confidence, ruledOut), (assessed.Confidence, assessed.IsRuledOut), check.Text);
        StringAssert.StartsWith(check.Text, "609 on N1 before 412 on N2");
    }

    [TestMethod]
    public void Apply_BothFactsOnOneNode_ChecksNothing()
    {
        using var engine = new Engine(Ordered.Replace("b.node != a.node", "b.node == a.node", StringComparison.Ordinal));
        var facts = new[] { engine.Add("N1", 609, 0), engine.Add("N1", 412, -2) };
        engine.Session.Run();
        var assessed = new OrderAssessor(new FixedClocks(TimeSpan.FromMinutes(10))).Apply(new EvidenceAssessor(new FactSource(facts, engine.Session, engine.Rules.Schemas)).Assess(engine.Session.Conclusions.Single()));

        Assert.IsEmpty(assessed.Order, "one node, one clock: its own order needs no skew");
        Assert.AreEqual((0.9, false), (assessed.Confidence, assessed.IsRuledOut));
    }

    [TestMethod]
    public void Examples_ReversedOrderWithoutAClockMeasure_IsRuledOut()
    {
        using var folder = new RuleFolder();
        folder.Write("r1.json", Ordered.Replace("\"then\"", """
            "examples": [ { "name": "412 two minutes before the 609 of another node", "fires": 1, "ruledOut": true, "facts": [
                {"type": "Ev", "node": "N1", "id": 609, "time": "2024-03-05T10:02:00Z"}, {"type": "Ev", "node": "N2", "id": 412, "time": "2024-03-05T10:00:00Z"} ] } ],
            "then"
            """, StringComparison.Ordinal));
        var results = ExampleRunner.RunAll(folder.Load().RuleSet);

        Assert.IsTrue(results.Single().Passed, results.Single().ToString());
    }

    /// <summary>Every node measured with the same uncertainty and no correction.</summary>
    private sealed class FixedClocks(TimeSpan uncertainty) : IClockModel
    {
        public NodeClock? Of(string node) => new(TimeSpan.Zero, uncertainty, "a test clock");
    }
}
