namespace Diagnose.Simulation.Validation;

/// <summary>
/// Where the incident a plan is validated on comes from: a declared scenario run with a seed, a cluster snapshot,
/// a diagnosis (its events and snapshot), or the plan's own incident (kb/ <c>plans[].incident</c>).
/// </summary>
public abstract record IncidentSource;
