using Diagnose.Simulation.Cluster;
using Diagnose.Simulation.Validation;

namespace Diagnose.Simulation.Scenarios;

/// <summary>A finished scenario: the simulated cluster with its journal, and the case its article's plans start from.</summary>
public sealed record SimulationRun(string Scenario, string? Kb, string Description, ClusterSimulator Simulator, PlanBinding Binding, IReadOnlyList<string> Affected)
{
    public IncidentCase Case => new(Simulator, Binding, Affected);
}
