namespace Diagnose.Simulation.Scenarios;

/// <summary>Every scenario <c>diagnose simulate</c> knows, by name (case-insensitive).</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new Kb293302Scenario("KB293302", Kb293302Stage.Incident),
        new Kb293302Scenario("KB293302-healthy", Kb293302Stage.Healthy),
        new Kb293302Scenario("KB293302-before-upgrade", Kb293302Stage.BeforeUpgrade),
        new Q188674Scenario("Q188674", incident: true),
        new Q188674Scenario("Q188674-healthy", incident: false),
        new Q217147Scenario("Q217147", null),
        new Q217147Scenario("Q217147-clusdb-damaged", Q217147Kind.ClusdbDamaged),
        new Q217147Scenario("Q217147-outdated", Q217147Kind.Outdated),
        new Q217147Scenario("Q217147-inconsistent", Q217147Kind.Inconsistent),
        new Q217147Scenario("Q217147-all-damaged", Q217147Kind.AllDamaged),
        new Q217147Scenario("Q217147-outdated-both-valid", Q217147Kind.OutdatedBothValid),
        new Q217147Scenario("Q217147-healthy", Q217147Kind.Healthy),
        new Q217147Scenario("Q217147-running", Q217147Kind.Running),
    ];

    public static IScenario? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
