using Diagnose.Simulation.Cluster;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// A simulated cluster just after an incident, the names its plans' placeholders take, and the
/// resources the incident took down (which the fix must bring back even if a person took them offline).
/// </summary>
public sealed record IncidentCase(ClusterSimulator Simulator, PlanBinding Binding, IReadOnlyList<string> Affected);
