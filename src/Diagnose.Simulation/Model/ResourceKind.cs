namespace Diagnose.Simulation.Model;

/// <summary>How a resource comes online: a plain resource, a JET-backed service, or a generic service whose registry key the cluster checkpoints.</summary>
public enum ResourceKind
{
    Plain,
    Jet,
    CheckpointedService,
}
