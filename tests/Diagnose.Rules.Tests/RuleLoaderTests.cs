namespace Diagnose.Rules.Tests;

[TestClass]
public sealed class RuleLoaderTests
{
    [TestMethod]
    public void Load_ValidRule_CompilesPatternsAndActions()
    {
        using var folder = new RuleFolder();
        folder.Write("r.json", """
            {
              "id": "r1", "title": "pair", "kb": "KB1", "priority": 5, "tags": ["t"],
              "when": [
                {"fact": "Ev", "as": "a", "where": "a.id == 412"},
                {"not": {"fact": "Ev", "as": "b", "where": "b.id == 609 && b.node == a.node"}}
              ],
              "then": [{"diagnose": {"rootCause": "on {a.node}", "confidence": 0.5, "plan": "plan-a"}}]
            }
            """);
        var result = folder.Load();
        Assert.IsTrue(result.Ok, string.Join("\n", result.Problems));
        var rule = result.RuleSet.Find("r1")!;
        Assert.AreEqual(5, rule.Priority);
        Assert.AreEqual(2, rule.Patterns.Count);
        Assert.AreEqual("KB1", rule.Kb);
    }

    [TestMethod]
    public void Load_UnknownFieldAndBadType_ReportsEachWithLineAndColumn()
    {
        using var folder = new RuleFolder();
        var file = folder.Write("bad.json", """
            {
              "id": "r1", "title": "bad",
              "priorty": 5,
              "priority": "high",
              "when": [{"fact": "Ev", "as": "a", "where": "a.nodee == 'x'"}],
              "then": [{"diagnose": {"rootCause": "x", "confidence": 2}}]
            }
            """);
        var problems = folder.Load().Problems;
        var text = string.Join("\n", problems);
        Assert.AreEqual(4, problems.Count, text);
        Assert.IsTrue(problems.Any(p => p.File == file && p.Line == 3 && p.Message.Contains("unknown field 'priorty'", StringComparison.Ordinal)), text);
        Assert.IsTrue(problems.Any(p => p.Line == 4 && p.Message.Contains("'priority' must be an integer, not the string \"high\"", StringComparison.Ordinal)), text);
        var field = problems.Single(p => p.Message.Contains("has no field 'nodee'", StringComparison.Ordinal));
        Assert.AreEqual(5, field.Line);
        Assert.AreEqual(48, field.Column, text);
        Assert.IsTrue(problems.Any(p => p.Line == 6 && p.Message.Contains("'confidence' must be a number from 0 to 1", StringComparison.Ordinal)), text);
    }

    [TestMethod]
    public void Load_UnknownArticlePlanTypeAndVariable_AreAllReported()
    {
        using var folder = new RuleFolder();
        folder.Write("bad.json", """
            {
              "id": "r1", "title": "bad", "kb": "KB404",
              "when": [{"fact": "Nope", "as": "a"}, {"fact": "Ev", "as": "b", "where": "b.node == z.node"}],
              "then": [{"benign": {"event": "q", "reason": "r"}}]
            }
            """);
        folder.Write("bad2.json", """
            {"id": "r2", "title": "plan", "kb": "KB1", "when": [{"fact": "Ev", "as": "a"}],
             "then": [{"diagnose": {"rootCause": "{a.missing}", "plan": "plan-z"}}]}
            """);
        var text = string.Join("\n", folder.Load().Problems);
        StringAssert.Contains(text, "unknown KB article 'KB404'");
        StringAssert.Contains(text, "unknown fact type 'Nope'");
        StringAssert.Contains(text, "unknown variable 'z'");
        StringAssert.Contains(text, "'q' is not an alias bound by a pattern");
        StringAssert.Contains(text, "article 'KB1' has no fix plan 'plan-z'");
        StringAssert.Contains(text, "has no field 'missing'");
    }

    [TestMethod]
    public void Load_DuplicateIdsAndUnproducedDerivedFacts_AreReported()
    {
        using var folder = new RuleFolder();
        const string Rule = """{"id": "same", "title": "t", "when": [{"fact": "Ev", "as": "a"}], "then": [{"derive": {"fact": "Incident", "set": {"node": "a.node"}}}]}""";
        folder.Write("a.json", Rule);
        var second = folder.Write("b.json", Rule);
        folder.Write("c.json", """{"id": "uses", "title": "t", "when": [{"fact": "Storm", "as": "s"}], "then": [{"diagnose": {"rootCause": "x"}}]}""");
        var problems = folder.Load().Problems;
        var text = string.Join("\n", problems);
        Assert.IsTrue(problems.Any(p => p.File == second && p.Message.Contains("duplicate rule id 'same'", StringComparison.Ordinal)), text);
        Assert.IsTrue(problems.Any(p => p.Message.Contains("derived fact type 'Storm' is never produced", StringComparison.Ordinal)), text);
    }

    [TestMethod]
    public void Load_BrokenJson_ReportsLine()
    {
        using var folder = new RuleFolder();
        folder.Write("broken.json", "{\n  \"id\": \"x\",\n  \"when\": [\n");
        var problem = folder.Load().Problems.Single();
        StringAssert.Contains(problem.Message, "not valid JSON");
        Assert.AreEqual(4, problem.Line, problem.ToString());
    }
}
