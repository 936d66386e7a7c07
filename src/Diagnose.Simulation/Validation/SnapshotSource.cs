using Diagnose.Core.Snapshots;

namespace Diagnose.Simulation.Validation;

/// <summary>A cluster snapshot as the only evidence: the article's incident is replayed from it.</summary>
public sealed record SnapshotSource(ClusterSnapshot Snapshot) : IncidentSource;
