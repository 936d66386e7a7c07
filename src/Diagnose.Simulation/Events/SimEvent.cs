namespace Diagnose.Simulation.Events;

/// <summary>One event the simulated cluster logged, before it is given a record number and written.</summary>
public sealed record SimEvent(string Node, string Channel, string Provider, int EventId, int Qualifiers, int Level, DateTime TimeUtc, IReadOnlyList<string> Data, string Message);
