using Diagnose.Rules.Loading;
using Diagnose.Rules.Testing;

namespace Diagnose.Rules.Tests;

/// <summary>Rules as tested data: every example beside a rule, built-in and CLIPS anchor, behaves.</summary>
[TestClass]
public sealed class RuleExampleTests
{
    public static IEnumerable<object[]> Folders => [["rules"], ["clips-rules"]];

    [TestMethod]
    [DynamicData(nameof(Folders))]
    public void RunAll_EveryExample_Behaves(string folder)
    {
        var loaded = RuleLoader.Load([Path.Combine(AppContext.BaseDirectory, folder)], new AnyArticle());
        Assert.IsTrue(loaded.Ok, string.Join("\n", loaded.Problems));
        var results = ExampleRunner.RunAll(loaded.RuleSet);
        Assert.IsTrue(results.Count >= 10, $"only {results.Count} examples");
        Assert.IsTrue(results.Any(r => r.Example.Firings == 0), "near misses are part of the examples");
        var failed = results.Where(r => !r.Passed).ToList();
        Assert.AreEqual(0, failed.Count, string.Join("\n", failed));
    }

    [TestMethod]
    public void RunAll_BuiltInRules_EveryArticleRuleHasAFiringExampleAndANearMiss()
    {
        var loaded = RuleLoader.Load([Path.Combine(AppContext.BaseDirectory, "rules")], new AnyArticle());
        foreach (var rule in loaded.RuleSet.Rules)
        {
            Assert.IsTrue(rule.Examples.Any(e => e.Firings != 0), $"{rule.Id} has no example that fires it");
            Assert.IsTrue(rule.Examples.Any(e => e.Firings == 0), $"{rule.Id} has no near miss");
        }
    }

    [TestMethod]
    public void Run_ExampleThatDoesNotBehave_FailsWithItsPositionAndWhyNot()
    {
        using var folder = new RuleFolder();
        folder.Write("r.json", """
            {"id": "pair", "title": "t", "when": [
               {"fact": "Ev", "as": "a", "where": "a.id == 1"},
               {"fact": "Ev", "as": "b", "where": "b.id == 2 && b.node == a.node"}],
             "then": [{"diagnose": {"rootCause": "x"}}],
             "examples": [
               {"name": "wrong on purpose", "fires": 1, "facts": [{"type": "Ev", "node": "N1", "id": 1}, {"type": "Ev", "node": "N2", "id": 2}]}]}
            """);
        var loaded = folder.Load();
        var result = ExampleRunner.RunAll(loaded.RuleSet).Single();
        Assert.IsFalse(result.Passed);
        StringAssert.Contains(result.ToString(), "r.json(6,");
        StringAssert.Contains(result.ToString(), "pattern match 'b' (Ev) has no match");
    }

    [TestMethod]
    public void Load_ExampleWithUnknownFieldAndBadValue_ReportsEachWithItsPosition()
    {
        using var folder = new RuleFolder();
        var file = folder.Write("r.json", """
            {"id": "one", "title": "t", "when": [{"fact": "Ev", "as": "a"}], "then": [{"diagnose": {"rootCause": "x"}}],
             "examples": [
               {"name": "bad", "fires": "yes", "facts": [{"type": "Ev", "nod": "N1", "id": "one"}, {"type": "Nope"}]}]}
            """);
        var problems = folder.Load().Problems.Select(p => p.ToString()).ToList();
        Assert.AreEqual(4, problems.Count, string.Join("\n", problems));
        Assert.IsTrue(problems.Any(p => p.Contains("'fires' must be true", StringComparison.Ordinal) && p.StartsWith(file + "(3,", StringComparison.Ordinal)), string.Join("\n", problems));
        Assert.IsTrue(problems.Any(p => p.Contains("has no field 'nod'", StringComparison.Ordinal)));
        Assert.IsTrue(problems.Any(p => p.Contains("'Ev.id' is int, not the string \"one\"", StringComparison.Ordinal)));
        Assert.IsTrue(problems.Any(p => p.Contains("unknown fact type 'Nope'", StringComparison.Ordinal)));
    }

    private sealed class AnyArticle : IArticleCatalog
    {
        public bool HasArticle(string id) => true;

        public bool HasPlan(string article, string plan) => true;
    }
}
