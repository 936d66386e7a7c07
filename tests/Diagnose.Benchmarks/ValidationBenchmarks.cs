using BenchmarkDotNet.Attributes;
using Diagnose.Analysis;
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
        _plan = DiagnoseEngine.Load().Knowledge.Find(kb)!.Plan(id)!;
        _case = PlanCases.For(kb, id)!.Case;
        var result = _validator.Validate(kb, _plan, "plan", _case);
        Console.WriteLine($"// {Plan}: {result.Verdict}, {result.FaultSchedules} fault schedules (none, single and pairwise)");
    }

    [Benchmark]
    public ValidationResult ValidatePlanWithAllSingleAndPairwiseFaults() => _validator.Validate(Plan.Split('/')[0], _plan, "plan", _case);
}
