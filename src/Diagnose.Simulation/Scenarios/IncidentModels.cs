using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Scenarios;

/// <summary>
/// The incident models an article's <c>incidents</c> name by <c>model</c>, each ending in the situation its
/// <c>variant</c> names. An unknown model or variant is a <see cref="SimulationException"/> naming the known ones.
/// </summary>
internal static class IncidentModels
{
    public const string JetRollingUpgrade = "jet-rolling-upgrade";
    public const string DirectoryOnlineRestore = "directory-online-restore";

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
            DirectoryOnlineRestore => DirectoryRestoreModel.Build(Restore(DirectoryRestoreSetup.FromSeed(options), variant, options.UntilIncident), variant != "healthy", scenario.Name, scenario.Kb, scenario.Events),
            var other => throw new SimulationException($"the simulator has no incident model '{other}': expected {JetRollingUpgrade} or {DirectoryOnlineRestore}"),
        };
    }

    private static JetRollingUpgradeStage Stage(string? variant) => variant switch
    {
        "incident" or null => JetRollingUpgradeStage.Incident,
        "healthy" => JetRollingUpgradeStage.Healthy,
        "before-upgrade" => JetRollingUpgradeStage.BeforeUpgrade,
        _ => throw Unknown(JetRollingUpgrade, variant, "incident, healthy, before-upgrade"),
    };

    // Stopping at the incident drops only the fix the log would go on to show; every seeded choice stays the same.
    private static DirectoryRestoreSetup Restore(DirectoryRestoreSetup setup, string? variant, bool untilIncident) => variant switch
    {
        "incident" or null => untilIncident ? setup with { FixFollows = false } : setup,
        "healthy" => setup,
        "unfixed" => setup with { FixFollows = false },
        _ => throw Unknown(DirectoryOnlineRestore, variant, "incident, unfixed, healthy"),
    };

    private static SimulationException Unknown(string model, string? variant, string known) =>
        new($"the incident model {model} has no variant '{variant}': expected {known}");
}
