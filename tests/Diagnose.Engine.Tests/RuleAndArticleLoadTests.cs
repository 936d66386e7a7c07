using Diagnose.Analysis;

namespace Diagnose.Engine.Tests;

[TestClass]
public sealed class RuleAndArticleLoadTests
{
    [TestMethod]
    public void Load_BuiltInRulesAndArticles_AreValidAndEveryArticleIsProvedByARule()
    {
        var engine = Engine.Instance;

        CollectionAssert.AreEquivalent(new[] { "KB293302", "Q188674", "Q217147" }, engine.Knowledge.Articles.Select(a => a.Id).ToArray());
        foreach (var article in engine.Knowledge.Articles)
        {
            Assert.IsTrue(engine.Rules.Rules.Any(r => r.Kb == article.Id && r.Actions.OfType<Rules.Model.ConcludeAction>().Any()), $"{article.Id} has no rule that concludes it");
            Assert.IsNotEmpty(article.Plans, article.Id);
            Assert.IsNotEmpty(article.AntiPlans, article.Id);
            Assert.IsNotEmpty(article.References, article.Id);
        }

        CollectionAssert.AreEquivalent(new[] { "174799", "244810", "173396", "Q152734", "Q174070" }, engine.Knowledge.Articles.SelectMany(a => a.References).Select(r => r.Id).ToArray());
        Assert.AreEqual("ClusSvc", engine.Knowledge.Find("Q188674")!.ExpectedAfterFix.Single().Provider);
    }

    [TestMethod]
    public void Load_CustomRuleWithUnknownFieldBadTypeAndMissingArticle_FailsWithEveryProblemLocated()
    {
        using var temp = new TempFolder();
        var file = temp.Write("custom/bad.json", """
            {
              "id": "custom.bad",
              "title": "bad",
              "kb": "Q999999",
              "severity": "high",
              "priority": "first",
              "when": [{"fact": "JetLogUnreadable", "as": "e", "where": "e.error == 'x'"}],
              "then": [{"diagnose": {"rootCause": "x"}}]
            }
            """);

        var e = Assert.ThrowsExactly<EngineLoadException>(() => DiagnoseEngine.Load(new EngineOptions { ExtraRuleFolders = [Path.Combine(temp.Path, "custom")] }));

        var problems = e.Problems.Where(p => p.File == file).ToList();
        Assert.IsTrue(problems.Any(p => p.Line == 4 && p.Message.Contains("unknown KB article 'Q999999'", StringComparison.Ordinal)), e.Message);
        Assert.IsTrue(problems.Any(p => p.Line == 5 && p.Message.Contains("unknown field 'severity'", StringComparison.Ordinal)), e.Message);
        Assert.IsTrue(problems.Any(p => p.Line == 6 && p.Message.Contains("'priority' must be an integer", StringComparison.Ordinal)), e.Message);
        Assert.IsTrue(problems.Any(p => p.Line == 7 && p.Message.Contains("cannot compare a int with a string", StringComparison.Ordinal)), e.Message);
        Assert.HasCount(4, problems, e.Message);
    }

    [TestMethod]
    public void Load_ArticleWithUnknownOperation_FailsWithItsLine()
    {
        using var temp = new TempFolder();
        var file = temp.Write("kb/QTEST.json", """
            {
              "id": "QTEST", "title": "t", "summary": "s", "cause": "c",
              "plans": [{"id": "p", "title": "t", "steps": [
                {"op": "reboot-everything", "args": {}, "text": "do it"}
              ]}]
            }
            """);

        var e = Assert.ThrowsExactly<EngineLoadException>(() => DiagnoseEngine.Load(new EngineOptions { ExtraKnowledgeFolders = [Path.Combine(temp.Path, "kb")] }));

        var problem = e.Problems.Single();
        Assert.AreEqual((file, 4), (problem.File, problem.Line));
        StringAssert.Contains(problem.Message, "unknown operation 'reboot-everything'");
    }
}
