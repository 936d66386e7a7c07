namespace Diagnose.Simulation.Scenarios;

/// <summary>A named, seeded run of the simulated cluster: an article's incident (and variants) or a healthy run.</summary>
public interface IScenario
{
    string Name { get; }

    /// <summary>The article whose diagnosis the run must give, or null for a healthy run.</summary>
    string? Kb { get; }

    string Description { get; }

    SimulationRun Run(ScenarioOptions options);
}
