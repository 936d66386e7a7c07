using System.Collections.Concurrent;
using Diagnose.Core.Reports;
using Diagnose.Simulation.Output;
using Diagnose.Simulation.Scenarios;
using Diagnose.Simulation.Validation;

namespace Diagnose.Engine.Tests;

/// <summary>
/// One incident, one verdict: for every scenario of <c>diagnose simulate --list</c> and seeds 1–100, the verdict of the
/// plan <c>analyze</c> chooses for the simulated incident (not an advice beside it) equals the verdict of <c>diagnose validate</c> and
/// <c>POST /api/validate</c> on the same scenario and seed (both call <see cref="FixValidation.Validate"/> with a
/// <see cref="ScenarioSource"/> and single faults, as analyze does).
/// </summary>
[TestClass]
public sealed class CrossPathVerdictTests
{
    private const int Seeds = 100;

    [TestMethod]
    public void EveryScenarioAndSeed_SimulateAnalyzeAndValidate_GiveTheSameVerdict()
    {
        var engine = Engine.Instance;
        var scenarios = engine.Validation.Scenarios.All;
        var disagreements = new ConcurrentBag<string>();
        var compared = 0;
        using var temp = new TempFolder();
        var runs = scenarios.SelectMany(s => Enumerable.Range(1, Seeds).Select(seed => (s, seed))).ToList();
        Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, item =>
        {
            var (scenario, seed) = item;
            // The CLI's defaults: `diagnose simulate NAME --seed N --out DIR` then `diagnose analyze DIR/*`.
            var run = scenario.Run(new ScenarioOptions(seed));
            var folder = Path.Combine(temp.Path, $"{scenario.Name}-{seed}");
            var report = engine.Analyze(SimulationOutput.Write(run, folder));
            Directory.Delete(folder, recursive: true);

            // The incident's own diagnosis; an advice beside it (a standing risk) is validated on the incident its plan declares, not on this one.
            var diagnosis = report.Diagnoses.FirstOrDefault(d => d.Kb == scenario.Article && d.Severity == Severity.Incident && d.Fix?.Validation is not null);
            if (diagnosis is null)
            {
                if (scenario.Kb is not null)
                {
                    disagreements.Add($"{scenario.Name} seed {seed}: simulate+analyze diagnosed no {scenario.Kb} with a validated fix");
                }

                return;
            }

            var article = engine.Knowledge.Find(scenario.Article)!;
            var plan = article.Plans.Single(p => p.Id == diagnosis.Fix!.Plan);
            var direct = engine.Validation.Validate(article, plan, PlanKind.Plan, new ScenarioSource(scenario.Name, seed), maxFaults: 1);
            Interlocked.Increment(ref compared);
            if (direct.Verdict != diagnosis.Fix!.Validation!.Verdict)
            {
                disagreements.Add($"{scenario.Name} seed {seed} plan {plan.Id}: simulate+analyze {diagnosis.Fix.Validation.Verdict} ({diagnosis.Fix.Validation.Reason}), validate {direct.Verdict} ({direct.Reason ?? direct.Counterexample?.Invariant})");
            }
        });

        Assert.IsTrue(compared >= scenarios.Count(s => s.Kb is not null) * Seeds, $"compared {compared}");
        Assert.IsEmpty(disagreements, $"{disagreements.Count} disagreements:\n{string.Join("\n", disagreements.Order(StringComparer.Ordinal).Take(40))}");
    }
}
