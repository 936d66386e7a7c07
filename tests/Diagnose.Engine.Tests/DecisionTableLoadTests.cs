using Diagnose.Analysis;

namespace Diagnose.Engine.Tests;

/// <summary>A decision table is loaded as strictly as rules: each problem with file, line and column; a good table loads.</summary>
[TestClass]
public sealed class DecisionTableLoadTests
{
    private const string Snapshot = """{ "cluster": "C1", "nodes": [ { "name": "NODEA", "clusdb": { "state": "valid" } } ] }""";

    private static string Case(string kind, string extra = "") =>
        $$"""{ "kind": "{{kind}}", "name": "{{kind}} case", "snapshot": {{Snapshot}}, "expect": { "only": true }{{extra}} }""";

    private static string Table(string rowExtra = "", string cases = "", string outcome = """{ "kind": "no-incident" }""") => $$"""
        {
          "article": "Q217147",
          "rows": [
            {
              "id": "custom.row", "situation": "s", "section": "More Information", "paraphrase": "p",
              "outcome": {{outcome}}{{rowExtra}},
              "cases": [
        {{(cases.Length > 0 ? cases : string.Join(",\n", Case("positive"), Case("near-miss"), Case("contradicting")))}}
              ]
            }
          ]
        }
        """;

    private static string LoadProblems(string table)
    {
        using var temp = new TempFolder();
        temp.Write("kb/custom.decisions.json", table);
        var e = Assert.ThrowsExactly<EngineLoadException>(() => DiagnoseEngine.Load(new EngineOptions { ExtraKnowledgeFolders = [Path.Combine(temp.Path, "kb")] }));
        return string.Join("\n", e.Problems);
    }

    [TestMethod]
    public void Load_AGoodTable_AddsItsRow()
    {
        using var temp = new TempFolder();
        temp.Write("kb/custom.decisions.json", Table());

        var engine = DiagnoseEngine.Load(new EngineOptions { ExtraKnowledgeFolders = [Path.Combine(temp.Path, "kb")] });

        Assert.IsTrue(engine.Decisions.Any(t => t.Rows.Any(r => r.Id == "custom.row" && r.Cases.Count == 3)));
    }

    [TestMethod]
    public void Load_UnknownKey_IsReportedAtItsLine()
    {
        var problems = LoadProblems(Table(rowExtra: ",\n      \"colour\": \"red\""));

        StringAssert.Contains(problems, "custom.decisions.json(7,");
        StringAssert.Contains(problems, "unknown key 'colour' in a row");
    }

    [TestMethod]
    public void Load_RowWithoutANearMiss_IsAnError()
    {
        var problems = LoadProblems(Table(cases: string.Join(",\n", Case("positive"), Case("contradicting"))));

        StringAssert.Contains(problems, "row 'custom.row' needs a near-miss case");
    }

    [TestMethod]
    public void Load_UnknownRuleOrPlan_IsAnError()
    {
        var problems = LoadProblems(Table(outcome: """{ "kind": "diagnosis", "rule": "Q217147.no-such-rule", "plan": "no-such-plan" }"""));

        StringAssert.Contains(problems, "unknown rule 'Q217147.no-such-rule'");
        StringAssert.Contains(problems, "article 'Q217147' has no plan 'no-such-plan'");
    }

    [TestMethod]
    public void Load_EventNotInTheCatalogOrTimeWithoutZone_IsAnError()
    {
        var events = """, "events": [ { "node": "NODEA", "provider": "NoSuchProvider", "id": 1, "time": "1999-11-08T09:00:00Z" }, { "node": "NODEA", "provider": "ClusSvc", "id": 1061, "time": "1999-11-08 09:00" } ]""";

        var problems = LoadProblems(Table(cases: string.Join(",\n", Case("positive", events), Case("near-miss"), Case("contradicting"))));

        StringAssert.Contains(problems, "NoSuchProvider 1 is not in the event catalog");
        StringAssert.Contains(problems, "must be an ISO-8601 time with its zone");
    }
}
