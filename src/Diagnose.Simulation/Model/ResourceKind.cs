namespace Diagnose.Simulation.Model;

/// <summary>How a resource comes online: a plain resource, a JET-backed service, or a generic service whose registry key the cluster checkpoints.</summary>
public enum ResourceKind
{
    /// <summary>A resource the simulator brings online without modelling what it runs.</summary>
    Plain,
    /// <summary>A service (WINS, DHCP) that opens a JET database on the shared disk.</summary>
    Jet,
    /// <summary>A generic service whose registry key the cluster checkpoints and writes back when it comes online.</summary>
    CheckpointedService,
}
