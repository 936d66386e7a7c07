using Diagnose.Core.Snapshots;

namespace Diagnose.Simulation.Validation;

/// <summary>A diagnosis: the events it rests on and the snapshot, replayed with their names and roles.</summary>
public sealed record DiagnosisSource(IReadOnlyList<DiagnosedEvent> Events, ClusterSnapshot? Snapshot) : IncidentSource;
