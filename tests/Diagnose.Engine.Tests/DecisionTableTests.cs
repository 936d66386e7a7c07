using System.Reflection;
using Diagnose.Decisions;
using Diagnose.Knowledge.Decisions;

namespace Diagnose.Engine.Tests;

/// <summary>
/// Every case of every article's decision table (kb/*.decisions.json), written as real log files in each format
/// with its snapshot and analysed by the whole product, gives the diagnosis, confidence, ruled-out entry and
/// collection advice its row expects.
/// </summary>
[TestClass]
public sealed class DecisionTableTests
{
    public static IEnumerable<object[]> Cases =>
        Engine.Instance.Decisions.SelectMany(table => table.Rows.SelectMany(row => row.Cases.SelectMany(c =>
            DecisionTableRunner.AllFormats.Select(format => new object[] { table.Article, row.Id, c.Name, format }))));

    public static string CaseName(MethodInfo method, object[] data) => $"{data[1]} / {data[2]} ({data[3]})";

    [TestMethod]
    [DynamicData(nameof(Cases), DynamicDataDisplayName = nameof(CaseName))]
    public void Case_InEachFormat_GivesTheRowsExpectedReport(string article, string rowId, string caseName, DecisionFormat format)
    {
        var table = Engine.Instance.Decisions.Single(t => t.Article == article);
        var row = table.Rows.Single(r => r.Id == rowId);
        var decisionCase = row.Cases.Single(c => c.Name == caseName);

        var result = DecisionTableRunner.Run(Engine.Instance, table, row, decisionCase, format);

        Assert.IsTrue(result.Passed, result.ToString());
    }

    [TestMethod]
    public void EveryRow_HasAPositiveANearMissAndAContradictingCase()
    {
        var rows = Engine.Instance.Decisions.SelectMany(t => t.Rows).ToList();

        Assert.IsTrue(rows.Count > 0, "no decision-table rows were loaded");
        foreach (var row in rows)
        {
            CollectionAssert.AreEquivalent(Enum.GetValues<CaseKind>(), row.Cases.Select(c => c.Kind).Distinct().ToArray(), row.Id);
        }
    }

    [TestMethod]
    public void Run_WithAWrongExpectation_FailsAndSaysWhatDiffered()
    {
        var table = Engine.Instance.Decisions.First();
        var row = table.Rows.First(r => r.Outcome.Kind == OutcomeKind.Diagnosis);
        var positive = row.Cases.First(c => c.Kind == CaseKind.Positive);
        var wrong = positive with
        {
            Expect = positive.Expect with { Diagnoses = [new ExpectedDiagnosis(row.Outcome.Rule!, "no-such-plan", 0.12)], RuledOut = [new ExpectedRuledOut(row.Outcome.Rule!, null)] },
        };

        var result = DecisionTableRunner.Run(Engine.Instance, table, row, wrong, DecisionFormat.Evtx);

        Assert.IsFalse(result.Passed);
        Assert.IsTrue(result.Failures.Any(f => f.Contains("expected plan no-such-plan", StringComparison.Ordinal)), result.ToString());
        Assert.IsTrue(result.Failures.Any(f => f.Contains("expected confidence 0.12", StringComparison.Ordinal)), result.ToString());
        Assert.IsTrue(result.Failures.Any(f => f.Contains("in ruledOut[]", StringComparison.Ordinal)), result.ToString());
    }

    [TestMethod]
    public void Run_WithWrongBenignAndUnexplainedExpectations_FailsAndNamesTheEvents()
    {
        // Q188674's right-first-time case: its 1024 is benign, so expecting it unexplained (and a 1042 benign) must fail.
        var table = Engine.Instance.Decisions.Single(t => t.Article == "Q188674");
        var row = table.Rows.Single(r => r.Id == "Q188674.procedure-right-first-time");
        var positive = row.Cases.Single(c => c.Kind == CaseKind.Positive);
        var wrong = positive with
        {
            Expect = positive.Expect with { Benign = [new ExpectedListedEvent("ClusSvc", 1042, "EXNODEA")], Unexplained = [new ExpectedListedEvent("ClusSvc", 1024, "EXNODEA")] },
        };

        var result = DecisionTableRunner.Run(Engine.Instance, table, row, wrong, DecisionFormat.EventViewerXml);

        Assert.IsFalse(result.Passed);
        Assert.IsTrue(result.Failures.Any(f => f.Contains("expected ClusSvc 1042 on EXNODEA in benign[]; it holds ClusSvc 1024 on EXNODEA", StringComparison.Ordinal)), result.ToString());
        Assert.IsTrue(result.Failures.Any(f => f.Contains("expected ClusSvc 1024 on EXNODEA in unexplained[]; it holds nothing", StringComparison.Ordinal)), result.ToString());
    }
}
