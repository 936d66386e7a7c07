using Diagnose.Simulation.Cluster;
using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// The operations an incident uses for a power failure of the whole cluster (Q217147, Symptoms: "both nodes experience a
/// simultaneous power failure after a relatively long period of cluster activity"): every running node loses power at
/// once, and later the nodes boot again in a given order. What the failure damages is the components' business
/// (<see cref="PowerSupply"/>: a Clusdb flush cut only after a long run without a checkpoint; <see cref="ClusterService"/>:
/// a checkpoint whose write is cut is inconsistent); the step only names the nodes the article says it "may" hit.
/// </summary>
internal static class PowerFailureSteps
{
    public static void PowerLoss(ClusterSimulator sim, BoundStep step)
    {
        var interrupting = step.Optional("interrupting");
        if (interrupting is not null && interrupting != "checkpoint-write")
        {
            throw new SimulationException($"power-loss can interrupt 'checkpoint-write', not '{interrupting}'");
        }

        // The power fails while the quorum owner writes a checkpoint: the new Chk file is incomplete.
        if (interrupting is not null)
        {
            sim.WriteCheckpoint(interrupted: true);
        }

        var zeroed = Nodes(step.Optional("zero-bytes"));
        var corrupted = Nodes(step.Optional("corrupt"));
        var damage = sim.State.Nodes.Where(n => n.Powered).ToDictionary(
            n => n.Name,
            n => zeroed.Contains(n.Name, StringComparer.OrdinalIgnoreCase) ? HiveDamage.ZeroBytes : corrupted.Contains(n.Name, StringComparer.OrdinalIgnoreCase) ? HiveDamage.Corrupt : HiveDamage.None);
        sim.PowerLoss(damage);
    }

    public static void PowerRestored(ClusterSimulator sim, BoundStep step) => sim.PowerRestored(Nodes(step.Arg("nodes")));

    /// <summary>A comma-separated node list, as <c>{role*}</c> binds it (empty for an empty role set).</summary>
    private static List<string> Nodes(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
