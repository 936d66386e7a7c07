using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Scenarios;

/// <summary>
/// The incident models an article's <c>incidents</c> name by <c>model</c>, each ending in the situation its
/// <c>variant</c> names. An unknown model or variant is a <see cref="SimulationException"/> naming the known ones.
/// </summary>
internal static class IncidentModels
{
    public const string JetRollingUpgrade = "jet-rolling-upgrade";

    public static SimulationRun Run(Scenario scenario, ScenarioOptions options)
    {
        if (scenario.Incident.Operations.Count > 0 || scenario.Incident.OneOf.Count > 0)
        {
            return IncidentInterpreter.Run(scenario.Incident, scenario.Name, scenario.Kb, scenario.Events, options);
        }

        var variant = scenario.Incident.Variant;
        return scenario.Incident.Model switch
        {
            JetRollingUpgrade => JetRollingUpgradeModel.Build(JetRollingUpgradeSetup.FromSeed(options), Stage(variant), scenario.Name, scenario.Kb, scenario.Events),
            var other => throw new SimulationException($"the simulator has no incident model '{other}': expected {JetRollingUpgrade}"),
        };
    }

    private static JetRollingUpgradeStage Stage(string? variant) => variant switch
    {
        "incident" or null => JetRollingUpgradeStage.Incident,
        "healthy" => JetRollingUpgradeStage.Healthy,
        "before-upgrade" => JetRollingUpgradeStage.BeforeUpgrade,
        _ => throw Unknown(JetRollingUpgrade, variant, "incident, healthy, before-upgrade"),
    };

    private static SimulationException Unknown(string model, string? variant, string known) =>
        new($"the incident model {model} has no variant '{variant}': expected {known}");
}
