using Diagnose.Core.Snapshots;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// Advice (a diagnosis of severity advice: a standing risk, nothing has failed): the incident its plan declares, replayed
/// with the diagnosis' nodes, events and snapshot as a <see cref="DiagnosisSource"/> replays the article's diagnosed one.
/// </summary>
public sealed record AdviceSource(IReadOnlyList<DiagnosedEvent> Events, ClusterSnapshot? Snapshot) : IncidentSource;
