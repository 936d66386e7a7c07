using Diagnose.Core.Snapshots;

namespace Diagnose.Simulation.Validation;

/// <summary>What a diagnosis observed: its article, the events it rests on and the cluster snapshot, if one was given.</summary>
internal sealed record DiagnosedIncident(string Kb, IReadOnlyList<DiagnosedEvent> Events, ClusterSnapshot? Snapshot);
