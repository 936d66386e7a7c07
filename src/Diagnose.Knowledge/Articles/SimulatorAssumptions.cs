namespace Diagnose.Knowledge.Articles;

/// <summary>
/// The names of the simulator's labelled assumptions (behaviour no source states; README "Simulated cluster and fix
/// validation"), which an incident may switch (kb/ <c>incidents[].assumptions</c>); an unknown name is rejected at load.
/// The simulator maps each to its model; a test keeps the two lists equal.
/// </summary>
public static class SimulatorAssumptions
{
    /// <summary>Every assumption name an incident may switch.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "long-run-is-one-checkpoint-interval",
        "cluster-service-needs-clusdisk",
        "new-quorum-log-clears-tombstone",
        "older-checkpoints-stay",
    ];
}
