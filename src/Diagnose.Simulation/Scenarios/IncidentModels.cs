using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Scenarios;

/// <summary>
/// The incident models an article's <c>incidents</c> name by <c>model</c>, each ending in the situation its
/// <c>variant</c> names. An unknown model or variant is a <see cref="SimulationException"/> naming the known ones.
/// </summary>
internal static class IncidentModels
{
    public const string DirectoryOnlineRestore = "directory-online-restore";
    public const string QuorumPowerFailure = "quorum-power-failure";

    public static SimulationRun Run(Scenario scenario, ScenarioOptions options)
    {
        if (scenario.Incident.Operations.Count > 0)
        {
            return IncidentInterpreter.Run(scenario.Incident, scenario.Name, scenario.Kb, scenario.Events, options);
        }

        var variant = scenario.Incident.Variant;
        return scenario.Incident.Model switch
        {
            DirectoryOnlineRestore => DirectoryRestoreModel.Build(Restore(DirectoryRestoreSetup.FromSeed(options), variant, options.UntilIncident), variant != "healthy", scenario.Name, scenario.Kb, scenario.Events),
            QuorumPowerFailure => QuorumPowerFailureModel.Build(QuorumPowerFailureSetup.FromSeed(options, Kind(variant)), scenario.Name, scenario.Kb, scenario.Events),
            var other => throw new SimulationException($"the simulator has no incident model '{other}': expected {DirectoryOnlineRestore} or {QuorumPowerFailure}"),
        };
    }

    // Stopping at the incident drops only the fix the log would go on to show; every seeded choice stays the same.
    private static DirectoryRestoreSetup Restore(DirectoryRestoreSetup setup, string? variant, bool untilIncident) => variant switch
    {
        "incident" or null => untilIncident ? setup with { FixFollows = false } : setup,
        "healthy" => setup,
        "unfixed" => setup with { FixFollows = false },
        _ => throw Unknown(DirectoryOnlineRestore, variant, "incident, unfixed, healthy"),
    };

    private static QuorumPowerFailureKind? Kind(string? variant) => variant switch
    {
        null => null,
        "clusdb-damaged" => QuorumPowerFailureKind.ClusdbDamaged,
        "outdated" => QuorumPowerFailureKind.Outdated,
        "inconsistent" => QuorumPowerFailureKind.Inconsistent,
        "all-damaged" => QuorumPowerFailureKind.AllDamaged,
        "outdated-both-valid" => QuorumPowerFailureKind.OutdatedBothValid,
        "running" => QuorumPowerFailureKind.Running,
        "healthy" => QuorumPowerFailureKind.Healthy,
        _ => throw Unknown(QuorumPowerFailure, variant, "clusdb-damaged, outdated, inconsistent, all-damaged, outdated-both-valid, running, healthy (or none: the seed picks)"),
    };

    private static SimulationException Unknown(string model, string? variant, string known) =>
        new($"the incident model {model} has no variant '{variant}': expected {known}");
}
