using Diagnose.Knowledge.Loading;

namespace Diagnose.Simulation.Tests;

/// <summary>Plans are executable only if each step has what its operation needs; the loader says which step lacks what.</summary>
[TestClass]
public sealed class PlanLoadingTests
{
    [TestMethod]
    public void Load_StepWithoutTheArgumentsItsOperationNeeds_IsReportedWithItsLine()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Sub("X1.json"), """
            {
              "id": "X1", "title": "t", "summary": "s", "cause": "c",
              "plans": [
                { "id": "p", "title": "t", "steps": [
                  { "op": "move-group", "args": { "group": "G" }, "text": "move it" }
                ] }
              ]
            }
            """);

        var (knowledge, problems) = ArticleLoader.Load([temp.Path]);

        Assert.IsEmpty(knowledge.Articles);
        var problem = problems.Single();
        Assert.AreEqual(5, problem.Line);
        StringAssert.Contains(problem.Message, "step 1 of plan 'p' (move-group) needs argument(s) 'to'");
    }
}
