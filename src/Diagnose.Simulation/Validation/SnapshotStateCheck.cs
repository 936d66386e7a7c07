using Diagnose.Core.Snapshots;
using Diagnose.Knowledge.Articles;
using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// Whether a replayed incident left the cluster as the diagnosis' snapshot shows it (kb/ <c>incidents[].reproduces[].state</c>):
/// each node's Clusdb, and the newest checkpoint's consistency and age against the last configuration change. Only what
/// the snapshot states is compared; a missing Clusdb counts as the empty one a replay leaves.
/// </summary>
internal static class SnapshotStateCheck
{
    /// <summary>Null when the replay shows every listed state as the snapshot does; else how it differs.</summary>
    public static string? Missing(ClusterState replayed, ClusterSnapshot? snapshot, IReadOnlyList<ReplayEvidence> evidence)
    {
        foreach (var state in evidence.Select(e => e.State).OfType<ReplayState>())
        {
            var problem = state switch
            {
                ReplayState.Clusdb => Clusdb(replayed, snapshot),
                _ => NewestCheckpoint(replayed, snapshot),
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Clusdb(ClusterState replayed, ClusterSnapshot? snapshot)
    {
        foreach (var node in snapshot?.Nodes ?? [])
        {
            var name = IncidentFacts.NodeName(node.Name);
            var want = (node.ClusdbState ?? "valid").ToLowerInvariant();
            var got = replayed.Nodes.FirstOrDefault(n => n.Name == name)?.Clusdb.State switch
            {
                null => null,
                ClusdbState.Valid => "valid",
                ClusdbState.Corrupt => "corrupt",
                ClusdbState.ZeroBytes => "zero-bytes",
                _ => "missing",
            };
            if (got is not null && got != want && !(want == "missing" && got == "zero-bytes"))
            {
                return $"the replayed incident leaves {name}'s Clusdb {got}, not {want}";
            }
        }

        return null;
    }

    private static string? NewestCheckpoint(ClusterState replayed, ClusterSnapshot? snapshot)
    {
        if (snapshot?.Quorum is not { } quorum)
        {
            return null;
        }

        var latest = quorum.Checkpoints.MaxBy(c => c.Sequence);
        var consistent = latest?.ChecksumMatches != false;
        var simulated = replayed.Quorum.MscsPresent ? replayed.Quorum.Latest : null;
        if (simulated is null || simulated.Consistent != consistent)
        {
            return $"the replay's newest checkpoint is {(simulated?.Consistent == true ? "consistent" : "inconsistent or missing")}, the snapshot's is {(consistent ? "consistent" : "inconsistent")}";
        }

        if (latest?.WrittenAtUtc is { } written && quorum.LastConfigurationChangeUtc is { } change)
        {
            var outdated = change > written;
            var simulatedOutdated = replayed.LastConfigurationChange > simulated.WrittenAt;
            if (simulatedOutdated != outdated)
            {
                return $"the replay's newest checkpoint is {(simulatedOutdated ? "older" : "newer")} than the last configuration change, the snapshot's is not";
            }
        }

        return null;
    }
}
