namespace Diagnose.Simulation.Cluster;

/// <summary>Stable names for <see cref="Assumption"/> values in reports (<c>validate</c>'s <c>assumptions</c>).</summary>
public static class Assumptions
{
    /// <summary>The assumption's stable name, the one kb/ <c>incidents[].assumptions</c> and reports use.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="assumption"/> is not a declared value.</exception>
    public static string Name(this Assumption assumption) => assumption switch
    {
        Assumption.LongRunIsOneCheckpointInterval => "long-run-is-one-checkpoint-interval",
        Assumption.ClusterServiceNeedsClusDisk => "cluster-service-needs-clusdisk",
        Assumption.NewQuorumLogClearsTombstone => "new-quorum-log-clears-tombstone",
        Assumption.OlderCheckpointsStay => "older-checkpoints-stay",
        _ => throw new ArgumentOutOfRangeException(nameof(assumption), assumption, null),
    };

    /// <summary>Every assumption, in declaration order.</summary>
    public static IReadOnlyList<Assumption> All { get; } = Enum.GetValues<Assumption>();
}
