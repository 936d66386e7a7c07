namespace Diagnose.Simulation.Events;

/// <summary>What Windows logs for one state change: provider, id, qualifiers, level, log, insertion data and English message.</summary>
public sealed record EventTemplate(string Channel, string Provider, int EventId, int Qualifiers, int Level, IReadOnlyList<string> Data, string Message);
