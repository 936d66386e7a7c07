using Diagnose.Core.Snapshots;
using Diagnose.Simulation.Events;
using Diagnose.Simulation.Model;
using Diagnose.Simulation.Scenarios;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// Builds the simulated cluster a diagnosis describes (its node names and roles, the database instance,
/// the Clusdb states and checkpoint), replays the article's incident on it, and checks that the replay
/// shows the evidence the diagnosis observed. If it cannot, the diagnosis is suspect and no plan is validated on it.
/// </summary>
internal static class DiagnosisCases
{
    /// <summary>Replays <paramref name="diagnosis"/> with the incident model its article declares (kb/ <c>incidents[].model</c>).</summary>
    public static (IncidentCase? Case, string? Problem) Build(DiagnosedIncident diagnosis, string? model)
    {
        try
        {
            return model switch
            {
                IncidentModels.JetRollingUpgrade => JetRollingUpgrade(diagnosis),
                IncidentModels.DirectoryOnlineRestore => DirectoryRestore(diagnosis),
                IncidentModels.QuorumPowerFailure => QuorumPowerFailure(diagnosis),
                null => (null, $"article {diagnosis.Kb} declares no diagnosed incident for the simulator to replay"),
                _ => (null, $"the simulator has no incident model '{model}' (article {diagnosis.Kb})"),
            };
        }
        catch (SimulationException e)
        {
            return (null, $"the simulated incident could not be replayed: {e.Message}");
        }
    }

    private static (IncidentCase?, string?) JetRollingUpgrade(DiagnosedIncident d)
    {
        var failed = d.Events.FirstOrDefault(e => e.Type == "JetLogUnreadable");
        if (failed is null)
        {
            var expected = WindowsEvents.JetLogUnreadable("", 0);
            return (null, $"the diagnosis has no {expected.Provider} {expected.EventId} (JetLogUnreadable) to replay");
        }

        var instance = (failed.Field("instance") ?? "wins").ToLowerInvariant();
        var upgraded = d.Events.FirstOrDefault(e => e.Type == "JetDatabaseUpgraded" && e.Node != failed.Node);
        var snapshotNewer = d.Snapshot?.Nodes.FirstOrDefault(n => Family(n.Os) == "windows2003" && Name(n.Name) != failed.Node);
        var newer = upgraded?.Node ?? (snapshotNewer is null ? null : Name(snapshotNewer.Name));
        if (newer is null)
        {
            return (null, "the evidence does not say which node converted the database (no JetDatabaseUpgraded event from another node, no Windows Server 2003 node in a snapshot)");
        }

        var nodes = Nodes(d.Snapshot, failed.Node, newer);
        var start = (upgraded?.Time ?? failed.Time ?? new DateTime(2007, 2, 1, 0, 0, 0, DateTimeKind.Utc)).AddDays(-4);
        var setup = new JetRollingUpgradeSetup(d.Snapshot?.Cluster ?? "CLUSTER", nodes, newer, failed.Node, instance, start,
            TimeSpan.FromHours(12), TimeSpan.FromHours(24), TimeSpan.FromMinutes(30), 0, 1);
        var run = JetRollingUpgradeModel.Build(setup, JetRollingUpgradeStage.Incident, d.Kb, d.Kb);
        var events = run.Simulator.Journal.Events;
        var unreadable = WindowsEvents.JetLogUnreadable(instance, 0);
        if (!events.Any(e => e.Node == failed.Node && Same(e, unreadable) && e.Data[0] == instance && e.Data[^1] == (failed.Field("error") ?? "-530")))
        {
            return (null, $"diagnosis suspect: the replayed incident logged no {unreadable.Provider} {unreadable.EventId} for {instance} with error {failed.Field("error")} on {failed.Node}");
        }

        var converted = WindowsEvents.JetIndexCleanup(instance, 0, "");
        if (upgraded is not null && !events.Any(e => e.Node == newer && Same(e, converted) && e.Data[0] == instance))
        {
            return (null, $"diagnosis suspect: the replayed incident logged no {converted.Provider} {converted.EventId} for {instance} on {newer}");
        }

        return (run.Case, null);
    }

    private static (IncidentCase?, string?) DirectoryRestore(DiagnosedIncident d)
    {
        var database = d.Events.FirstOrDefault(e => e.Type == "ExchangeDirectoryInitFailed");
        if (database is null)
        {
            var expected = WindowsEvents.DirectoryInitFailed(0);
            return (null, $"the diagnosis has no {expected.Provider} {expected.EventId} (ExchangeDirectoryInitFailed) to replay");
        }

        var nodes = Nodes(d.Snapshot, database.Node, null);
        var setup = new DirectoryRestoreSetup(d.Snapshot?.Cluster ?? "CLUSTER", nodes, database.Node, (database.Time ?? new DateTime(1999, 4, 1, 0, 0, 0, DateTimeKind.Utc)).AddHours(-6), TimeSpan.FromHours(2), false, 0, 1);
        var run = DirectoryRestoreModel.Build(setup, incident: true, d.Kb, d.Kb);
        var events = run.Simulator.Journal.Events;
        var error = database.Field("error") ?? "-528";
        var initFailed = WindowsEvents.DirectoryInitFailed(0);
        var serviceFailed = WindowsEvents.GenericServiceFailed("");
        if (!events.Any(e => e.Node == database.Node && Same(e, initFailed) && e.Data[0] == error)
            || !events.Any(e => e.Node == database.Node && Same(e, serviceFailed)))
        {
            return (null, $"diagnosis suspect: the replayed restore logged no {initFailed.Provider} {initFailed.EventId} with error {error} followed by {serviceFailed.Provider} {serviceFailed.EventId} on {database.Node}");
        }

        return (run.Case, null);
    }

    private static (IncidentCase?, string?) QuorumPowerFailure(DiagnosedIncident d)
    {
        if (d.Snapshot is not { Quorum: { } quorum } snapshot || snapshot.Nodes.Count < 2)
        {
            return (null, "the diagnosis needs a cluster snapshot with at least two nodes and the quorum folder to replay");
        }

        var latest = quorum.Checkpoints.MaxBy(c => c.Sequence);
        var damage = new Dictionary<string, ClusdbState>(StringComparer.Ordinal);
        foreach (var node in snapshot.Nodes)
        {
            var state = (node.ClusdbState ?? "valid").ToLowerInvariant() switch
            {
                "corrupt" => ClusdbState.Corrupt,
                "zero-bytes" => ClusdbState.ZeroBytes,
                "missing" => ClusdbState.Missing,
                _ => ClusdbState.Valid,
            };
            if (state != ClusdbState.Valid)
            {
                damage[Name(node.Name)] = state;
            }
        }

        var all = damage.Count == snapshot.Nodes.Count;
        var consistent = latest?.ChecksumMatches != false;
        var outdated = latest?.WrittenAtUtc is { } written && quorum.LastConfigurationChangeUtc is { } change && change > written;
        var kind = (all, consistent) switch
        {
            (true, true) => QuorumPowerFailureKind.ClusdbDamaged,
            (true, false) => QuorumPowerFailureKind.AllDamaged,
            (false, false) => QuorumPowerFailureKind.Inconsistent,
            _ => outdated && damage.Count > 0 ? QuorumPowerFailureKind.Outdated : (QuorumPowerFailureKind?)null,
        };
        if (kind is null)
        {
            return (null, $"the simulator has no {d.Kb} incident where every Clusdb is valid and the newest checkpoint is consistent and current");
        }

        // Damaged nodes first: the replay boots them first, as the nodes that tried to form.
        var nodes = snapshot.Nodes.Select(n => Name(n.Name)).OrderBy(n => damage.ContainsKey(n) ? 0 : 1).ToList();
        var setup = new QuorumPowerFailureSetup(snapshot.Cluster ?? "CLUSTER", nodes, kind.Value, damage,
            (quorum.LastConfigurationChangeUtc ?? snapshot.CapturedAtUtc ?? new DateTime(1999, 11, 1, 0, 0, 0, DateTimeKind.Utc)).AddDays(-3), 3, 0, 1);
        var run = QuorumPowerFailureModel.Build(setup, d.Kb, d.Kb);
        var state2 = run.Simulator.State;
        foreach (var node in nodes)
        {
            var want = damage.GetValueOrDefault(node, ClusdbState.Valid);
            var got = state2.Node(node).Clusdb.State;
            if (got != want && !(want == ClusdbState.Missing && got == ClusdbState.ZeroBytes))
            {
                return (null, $"diagnosis suspect: the replayed power failure leaves {node}'s Clusdb {got.ToString().ToLowerInvariant()}, not {want.ToString().ToLowerInvariant()}");
            }
        }

        var simulatedLatest = state2.Quorum.Latest;
        if (simulatedLatest is null || simulatedLatest.Consistent != consistent)
        {
            return (null, $"diagnosis suspect: the replay's newest checkpoint is {(simulatedLatest?.Consistent == true ? "consistent" : "inconsistent or missing")}, the snapshot's is {(consistent ? "consistent" : "inconsistent")}");
        }

        var simulatedOutdated = state2.LastConfigurationChange > simulatedLatest.WrittenAt;
        if (latest?.WrittenAtUtc is not null && quorum.LastConfigurationChangeUtc is not null && simulatedOutdated != outdated)
        {
            return (null, $"diagnosis suspect: the replay's newest checkpoint is {(simulatedOutdated ? "older" : "newer")} than the last configuration change, the snapshot's is not");
        }

        return (run.Case, null);
    }

    private static List<string> Nodes(ClusterSnapshot? snapshot, string first, string? second)
    {
        var nodes = snapshot?.Nodes.Select(n => Name(n.Name)).ToList() ?? [];
        foreach (var n in new[] { first, second })
        {
            if (n is not null && !nodes.Contains(n))
            {
                nodes.Add(n);
            }
        }

        // The evidence names one node only: the cluster's other node is simulated under a placeholder name.
        if (nodes.Count < 2)
        {
            nodes.Add($"{first}-PARTNER");
        }

        return nodes;
    }

    /// <summary>The simulated event is the one the simulator writes for this template (same provider and event ID).</summary>
    private static bool Same(SimEvent e, EventTemplate template) => e.Provider == template.Provider && e.EventId == template.EventId;

    private static string Name(string name) => name.Split('.')[0].ToUpperInvariant();

    private static string Family(string? os) => (os ?? "").Contains("2003", StringComparison.Ordinal) ? "windows2003" : "";
}
