using BenchmarkDotNet.Attributes;
using Diagnose.Analysis;
using Diagnose.Core.Reports;
using Diagnose.Knowledge.Articles;
using Diagnose.Simulation.Validation;

namespace Diagnose.Benchmarks;

/// <summary>
/// Validating one documented plan on its incident with no fault, every single fault and every pair of faults, then
/// all its step-removal and adjacent-swap mutants with the same faults (what <c>diagnose validate --all --mutants</c>
/// does per plan). Target: under a second per plan on one core. The schedule count is printed once in setup.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private readonly FixValidator _validator = new() { MaxFaults = 2 };
    private FixPlan _plan = null!;
    private IncidentCase _case = null!;

    /// <summary>Every documented plan of the bundled articles.</summary>
    [Params(
        "KB293302/finish-rolling-upgrade", "KB293302/rolling-upgrade-order", "KB293302/return-to-windows-2000",
        "Q188674/start-service-before-online",
        "Q217147/restart-from-checkpoint", "Q217147/restart-from-clusdb", "Q217147/restart-from-clusdb-recovery-install",
        "Q217147/restore-from-backup", "Q217147/install-service-pack-5")]
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
        Console.WriteLine($"// {Plan}: {result.Verdict}, {result.FaultSchedules} fault schedules (none, single and pairwise), {_validator.Mutants(kb, _plan, _case).Count} mutants");
    }

    [Benchmark]
    public ValidationReport ValidatePlanWithAllSingleAndPairwiseFaults() => _validator.Validate(Plan.Split('/')[0], _plan, PlanKind.Plan, _case);

    [Benchmark]
    public int ValidatePlanFaultsAndAllMutants() =>
        _validator.Validate(Plan.Split('/')[0], _plan, PlanKind.Plan, _case).FaultSchedules + _validator.Mutants(Plan.Split('/')[0], _plan, _case).Count;
}
