using Diagnose.Analysis;
using Diagnose.Simulation.Scenarios;
using Diagnose.Simulation.Validation;

namespace Diagnose.Simulation.Tests;

/// <summary>One engine (rules and articles) for all tests.</summary>
internal static class Shared
{
    private static readonly Lazy<DiagnoseEngine> Loaded = new(() => DiagnoseEngine.Load());

    public static DiagnoseEngine Engine => Loaded.Value;

    /// <summary>The runs the bundled articles declare (kb/ incidents).</summary>
    public static ScenarioCatalog Scenarios => Engine.Validation.Scenarios;

    /// <summary>The incident a plan or anti-plan names in its article, as <c>diagnose validate</c> runs it.</summary>
    public static IncidentCase PlanCase(string kb, string plan)
    {
        var article = Engine.Knowledge.Find(kb)!;
        var found = article.Plan(plan) ?? article.AntiPlans.Single(p => p.Id == plan);
        var (incident, problem) = Engine.Validation.Resolve(article, found, new PlanIncidentSource());
        return incident ?? throw new InvalidOperationException(problem);
    }
}
