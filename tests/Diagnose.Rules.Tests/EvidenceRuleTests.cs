using Diagnose.Rules.Testing;

namespace Diagnose.Rules.Tests;

/// <summary>The rule keys of issue 13 (unless, corroborate, competes, incident, confidence {base,max}): load-time checks and examples.</summary>
[TestClass]
public sealed class EvidenceRuleTests
{
    private const string Weighed = """
        {
          "id": "r1", "title": "412 weighed", "kb": "KB1",
          "when": [ {"fact": "Ev", "as": "a", "where": "a.id == 412"} ],
          "unless": [ {"fact": "Ev", "as": "ok", "where": "ok.id == 1 && ok.node == a.node && ok.time > a.time", "reason": "{ok.node} started again at {ok.time}"} ],
          "corroborate": [
            {"fact": "Ev", "as": "up", "where": "up.id == 609 && up.node != a.node", "weight": 0.2, "description": "609 elsewhere", "collect": {"what": "the 609 of {a.text}", "log": "Application", "node": "a.node"}},
            {"fact": "Ev", "as": "again", "where": "again.id == 412 && again.node != a.node", "weight": 0.3, "description": "412 elsewhere", "collect": "another node's 412"}
          ],
          "competes": [ {"rule": "r2", "separatedBy": "the 609"} ],
          "then": [ {"diagnose": {"rootCause": "on {a.node}", "confidence": {"base": 0.5, "max": 0.8}, "incident": ["a.id"]}} ],
          "examples": [
            {"name": "412 alone", "fires": 1, "confidence": 0.5, "ruledOut": false, "facts": [ {"type": "Ev", "node": "N1", "id": 412, "time": "2024-01-01T00:00:00Z"} ]},
            {"name": "412 with a 609 elsewhere", "fires": 1, "confidence": 0.7, "facts": [
              {"type": "Ev", "node": "N1", "id": 412, "time": "2024-01-01T00:00:00Z"}, {"type": "Ev", "node": "N2", "id": 609, "time": "2024-01-01T00:00:00Z"} ]},
            {"name": "everything: capped at max", "fires": 2, "confidence": 0.8, "facts": [
              {"type": "Ev", "node": "N1", "id": 412, "time": "2024-01-01T00:00:00Z"}, {"type": "Ev", "node": "N2", "id": 412, "time": "2024-01-01T00:01:00Z"},
              {"type": "Ev", "node": "N3", "id": 609, "time": "2024-01-01T00:00:00Z"} ]},
            {"name": "609 of unknown node: not 'elsewhere'", "fires": 1, "confidence": 0.5, "facts": [
              {"type": "Ev", "node": "N1", "id": 412, "time": "2024-01-01T00:00:00Z"}, {"type": "Ev", "id": 609, "time": "2024-01-01T00:00:00Z"} ]},
            {"name": "started again later: ruled out", "fires": 1, "ruledOut": true, "facts": [
              {"type": "Ev", "node": "N1", "id": 412, "time": "2024-01-01T00:00:00Z"}, {"type": "Ev", "node": "N1", "id": 1, "time": "2024-01-01T01:00:00Z"} ]},
            {"name": "near miss: started again before, not after", "fires": 1, "ruledOut": false, "facts": [
              {"type": "Ev", "node": "N1", "id": 412, "time": "2024-01-01T00:00:00Z"}, {"type": "Ev", "node": "N1", "id": 1, "time": "2023-12-31T23:00:00Z"} ]}
          ]
        }
        """;

    private const string Competitor = """
        { "id": "r2", "title": "other", "kb": "KB1", "when": [ {"fact": "Ev", "as": "a", "where": "a.id == 609"} ],
          "then": [ {"diagnose": {"rootCause": "x", "confidence": 0.4}} ] }
        """;

    [TestMethod]
    public void Examples_RuledOutAndConfidenceExpectations_AreRunAndPass()
    {
        using var folder = new RuleFolder();
        folder.Write("r1.json", Weighed);
        folder.Write("r2.json", Competitor);
        var result = folder.Load();
        Assert.IsTrue(result.Ok, string.Join("\n", result.Problems));

        var rule = result.RuleSet.Find("r1")!;
        Assert.AreEqual((1, 2, 1, 1), (rule.Unless.Count, rule.Corroborate.Count, rule.Competes.Count, rule.Diagnosis!.Incident.Count));
        Assert.AreEqual((0.5, 0.8), (rule.Diagnosis.Confidence, rule.Diagnosis.MaxConfidence));
        var results = ExampleRunner.RunAll(result.RuleSet).Where(r => r.Rule.Id == "r1").ToList();
        Assert.HasCount(6, results);
        Assert.IsTrue(results.All(r => r.Passed), string.Join("\n", results));
    }

    [TestMethod]
    public void Examples_WrongRuledOutOrConfidence_Fail()
    {
        using var folder = new RuleFolder();
        folder.Write("r1.json", Weighed.Replace("\"confidence\": 0.7", "\"confidence\": 0.75", StringComparison.Ordinal).Replace("\"ruledOut\": true", "\"ruledOut\": false", StringComparison.Ordinal));
        folder.Write("r2.json", Competitor);
        var failed = ExampleRunner.RunAll(folder.Load().RuleSet).Where(r => !r.Passed).ToList();
        CollectionAssert.AreEquivalent(new[] { "412 with a 609 elsewhere", "started again later: ruled out" }, failed.Select(f => f.Example.Name).ToArray());
        StringAssert.Contains(failed[0].ToString() + failed[1].ToString(), "(was 0.7)");
    }

    [TestMethod]
    public void Load_BadEvidenceKeys_AreReportedWithLineAndColumn()
    {
        using var folder = new RuleFolder();
        folder.Write("bad.json", """
            {
              "id": "r1", "title": "bad", "kb": "KB1",
              "when": [ {"fact": "Ev", "as": "a", "where": "a.id == 412"} ],
              "unless": [ {"fact": "Ev", "as": "ok", "where": "ok.nod == a.node", "reason": "{ok.node}"} ],
              "corroborate": [ {"fact": "Ev", "as": "up", "where": "up.id == 609", "weight": 1.5, "description": "{zz.node}", "collect": {"what": "x", "node": "a.id"}} ],
              "competes": [ {"rule": "nope", "separatedBy": "y"} ],
              "then": [ {"diagnose": {"rootCause": "x", "confidence": {"base": 0.9, "max": 0.5}, "incident": "a.node"}} ]
            }
            """);
        var problems = folder.Load().Problems;
        var text = string.Join("\n", problems);
        Assert.IsTrue(problems.Any(p => p.Line == 4 && p.Message.Contains("has no field 'nod'", StringComparison.Ordinal)), text);
        Assert.IsTrue(problems.Any(p => p.Line == 5 && p.Message.Contains("'weight' must be a number above 0 and at most 1", StringComparison.Ordinal)), text);
        Assert.IsTrue(problems.Any(p => p.Line == 5 && p.Message.Contains("unknown variable 'zz'", StringComparison.Ordinal)), text);
        Assert.IsTrue(problems.Any(p => p.Line == 5 && p.Message.Contains("'node' must give a string", StringComparison.Ordinal)), text);
        Assert.IsTrue(problems.Any(p => p.Line == 6 && p.Message.Contains("'competes' names rule 'nope'", StringComparison.Ordinal)), text);
        Assert.IsTrue(problems.Any(p => p.Line == 7 && p.Message.Contains("'max' (0.5) must not be below 'base' (0.9)", StringComparison.Ordinal)), text);
        Assert.IsTrue(problems.Any(p => p.Line == 7 && p.Message.Contains("'incident' must be a non-empty array", StringComparison.Ordinal)), text);
    }

    [TestMethod]
    public void Load_UnlessAliasClashAndTwoDiagnoses_AreErrors()
    {
        using var folder = new RuleFolder();
        folder.Write("bad.json", """
            {
              "id": "r1", "title": "bad", "kb": "KB1",
              "when": [ {"fact": "Ev", "as": "a"} ],
              "unless": [ {"fact": "Ev", "as": "a", "reason": "r"} ],
              "then": [ {"diagnose": {"rootCause": "x"}}, {"diagnose": {"rootCause": "y"}} ]
            }
            """);
        var text = string.Join("\n", folder.Load().Problems);
        StringAssert.Contains(text, "alias 'a' is already bound by a 'when' pattern");
        StringAssert.Contains(text, "at most one 'diagnose' action");
    }
}
