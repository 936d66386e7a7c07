using Diagnose.Simulation.Validation;
using Newtonsoft.Json;

namespace Diagnose.Simulation.Tests;

[TestClass]
public sealed class ScratchTests
{
    [TestMethod]
    public void Print()
    {
        var results = KnowledgeValidation.ValidateAll(Shared.Engine.Knowledge);
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Kb} {r.Plan} {r.Kind} {r.Verdict} {r.FaultSchedules} {r.Reason} {r.Counterexample?.Invariant} {r.Counterexample?.Detail} | {string.Join(" ; ", r.Counterexample?.Faults ?? [])}");
        }

        var run = PlanCases.For("Q217147", "restore-from-backup")!;
        Console.WriteLine(JsonConvert.SerializeObject(run.Simulator.State, Formatting.Indented));
    }
}
