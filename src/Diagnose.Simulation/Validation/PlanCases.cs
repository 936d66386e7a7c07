using Diagnose.Simulation.Scenarios;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// The incident each plan and anti-plan is validated on when no diagnosis gives one: the situation the
/// plan's "applies when" describes, as a two-node run with seed 1 and no noise.
/// </summary>
public static class PlanCases
{
    public static SimulationRun? For(string kb, string plan, int seed = 1, int nodes = 2)
    {
        var options = new ScenarioOptions(seed, nodes, Noise: 0);
        return kb.ToUpperInvariant() switch
        {
            "KB293302" => Kb293302Scenario.Build(Kb293302Setup.FromSeed(options), plan == "rolling-upgrade-order" ? Kb293302Stage.BeforeUpgrade : Kb293302Stage.Incident),
            "Q188674" => Q188674Scenario.Build(Q188674Setup.FromSeed(options) with { FixFollows = false }, incident: true),
            "Q217147" => Q217147Kind(plan) is { } kind ? Q217147Scenario.Build(Q217147Setup.FromSeed(options, kind)) : null,
            _ => null,
        };
    }

    private static Q217147Kind? Q217147Kind(string plan) => plan switch
    {
        "restart-from-checkpoint" or "boot-both-clusdisk-manual" => Scenarios.Q217147Kind.ClusdbDamaged,
        "restart-from-clusdb" or "boot-b-before-a-is-down" => Scenarios.Q217147Kind.OutdatedBothValid,
        "restart-from-clusdb-recovery-install" => Scenarios.Q217147Kind.Outdated,
        "restore-from-backup" => Scenarios.Q217147Kind.AllDamaged,
        "install-service-pack-5" => Scenarios.Q217147Kind.Running,
        _ => null,
    };
}
