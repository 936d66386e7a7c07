namespace Diagnose.Simulation.Validation;

/// <summary>A declared scenario (<c>diagnose simulate --list</c>) run with this seed and node count, without noise.</summary>
public sealed record ScenarioSource(string Name, int Seed = 1, int? Nodes = null) : IncidentSource;
