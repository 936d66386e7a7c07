using Diagnose.Simulation.Cluster;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// A simulated cluster just after an incident, the names its plans' placeholders take, and the
/// resources the incident took down (which the fix must bring back even if a person took them offline), and what a
/// replay of a diagnosis assumed where neither the snapshot nor the events said (listed in the verdict).
/// </summary>
public sealed record IncidentCase(ClusterSimulator Simulator, PlanBinding Binding, IReadOnlyList<string> Affected)
{
    /// <summary>What a replay of a diagnosis assumed where neither the snapshot nor the events said, in words, for the verdict; empty when nothing was assumed.</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];
}
