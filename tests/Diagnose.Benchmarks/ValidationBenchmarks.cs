using BenchmarkDotNet.Attributes;
using Diagnose.Analysis;
using Diagnose.Core.Reports;
using Diagnose.Knowledge.Articles;
using Diagnose.Simulation.Validation;

namespace Diagnose.Benchmarks;

/// <summary>
/// Validating one plan on the simulated cluster with no fault, every single fault and every pair of
/// faults (the schedule count is printed once in setup). Target: well under a second per plan.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private readonly FixValidator _validator = new() { MaxFaults = 2 };
    private FixPlan _plan = null!;
    private IncidentCase _case = null!;

    /// <summary>The plan validated: the longest two-node recovery, and the rolling upgrade.</summary>
    [Params("Q217147/restart-from-checkpoint", "KB293302/rolling-upgrade-order")]
    public string Plan { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var (kb, id) = (Plan.Split('/')[0], Plan.Split('/')[1]);
        var engine = DiagnoseEngine.Load();
        var article = engine.Knowledge.Find(kb)!;
        _plan = article.Plan(id)!;
        _case = engine.Validation.Resolve(article, _plan, new PlanIncidentSource()).Case!;
        var result = _validator.Validate(kb, _plan, PlanKind.Plan, _case);
        Console.WriteLine($"// {Plan}: {result.Verdict}, {result.FaultSchedules} fault schedules (none, single and pairwise)");
    }

    [Benchmark]
    public ValidationReport ValidatePlanWithAllSingleAndPairwiseFaults() => _validator.Validate(Plan.Split('/')[0], _plan, PlanKind.Plan, _case);
}
