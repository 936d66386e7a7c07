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
    public const string QuorumPowerFailure = "quorum-power-failure";

    public static SimulationRun Run(Scenario scenario, ScenarioOptions options)
    {
        var variant = scenario.Incident.Variant;
        return scenario.Incident.Model switch
        {
            JetRollingUpgrade => Kb293302Scenario.Build(Kb293302Setup.FromSeed(options), Stage(variant), scenario.Name, scenario.Kb),
            DirectoryOnlineRestore => Q188674Scenario.Build(Restore(Q188674Setup.FromSeed(options), variant), variant != "healthy", scenario.Name, scenario.Kb),
            QuorumPowerFailure => Q217147Scenario.Build(Q217147Setup.FromSeed(options, Kind(variant)), scenario.Name, scenario.Kb),
            var other => throw new SimulationException($"the simulator has no incident model '{other}': expected {JetRollingUpgrade}, {DirectoryOnlineRestore} or {QuorumPowerFailure}"),
        };
    }

    private static Kb293302Stage Stage(string? variant) => variant switch
    {
        "incident" or null => Kb293302Stage.Incident,
        "healthy" => Kb293302Stage.Healthy,
        "before-upgrade" => Kb293302Stage.BeforeUpgrade,
        _ => throw Unknown(JetRollingUpgrade, variant, "incident, healthy, before-upgrade"),
    };

    private static Q188674Setup Restore(Q188674Setup setup, string? variant) => variant switch
    {
        "incident" or null or "healthy" => setup,
        "unfixed" => setup with { FixFollows = false },
        _ => throw Unknown(DirectoryOnlineRestore, variant, "incident, unfixed, healthy"),
    };

    private static Q217147Kind? Kind(string? variant) => variant switch
    {
        null => null,
        "clusdb-damaged" => Q217147Kind.ClusdbDamaged,
        "outdated" => Q217147Kind.Outdated,
        "inconsistent" => Q217147Kind.Inconsistent,
        "all-damaged" => Q217147Kind.AllDamaged,
        "outdated-both-valid" => Q217147Kind.OutdatedBothValid,
        "running" => Q217147Kind.Running,
        "healthy" => Q217147Kind.Healthy,
        _ => throw Unknown(QuorumPowerFailure, variant, "clusdb-damaged, outdated, inconsistent, all-damaged, outdated-both-valid, running, healthy (or none: the seed picks)"),
    };

    private static SimulationException Unknown(string model, string? variant, string known) =>
        new($"the incident model {model} has no variant '{variant}': expected {known}");
}
