using Diagnose.Simulation.Cluster;
using Diagnose.Simulation.Validation;

namespace Diagnose.Simulation.Scenarios;

/// <summary>A finished scenario: the simulated cluster with its journal, and the case its article's plans start from.</summary>
public sealed record SimulationRun(string Scenario, string? Kb, string Description, ClusterSimulator Simulator, PlanBinding Binding, IReadOnlyList<string> Affected)
{
    /// <summary>The case plans start from; it lists the assumptions the incident switched off, as the verdict does.</summary>
    public IncidentCase Case => new(Simulator, Binding, Affected)
    {
        Assumptions = [.. Simulator.AssumptionsOff.Order().Select(a => $"the incident switches off assumption {a.Name()}")],
    };
}
