namespace Diagnose.Simulation.Validation;

/// <summary>The incident the plan names in its article (or the article's first diagnosed one), two nodes, seed 1, no noise.</summary>
public sealed record PlanIncidentSource : IncidentSource;
