using Diagnose.Knowledge.Articles;
using Diagnose.Knowledge.Events;
using Diagnose.Simulation.Model;
using Diagnose.Simulation.Scenarios;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// Builds the simulated cluster a diagnosis describes, as it was: its node names and roles, each node's operating
/// system and service pack (from the snapshot, else a stated assumption), its resources and Clusdb states and
/// checkpoint; replays the article's incident on it, and checks that the replay shows the evidence the diagnosis
/// observed (kb/ <c>incidents[].reproduces</c>, and the snapshot's state). If it cannot, the diagnosis is suspect and
/// no plan is validated on it.
/// </summary>
internal static class DiagnosisCases
{
    /// <summary>Replays <paramref name="diagnosis"/> with the incident its article declares as diagnosed (kb/ <c>incidents[]</c>).</summary>
    public static (IncidentCase? Case, string? Problem) Build(DiagnosedIncident diagnosis, Incident? incident, EventCatalog events)
    {
        var facts = new IncidentFacts(diagnosis.Snapshot);
        try
        {
            var (run, problem) = incident?.Model switch
            {
                null when incident?.Operations.Count > 0 => Written(diagnosis, incident, facts, events),
                IncidentModels.DirectoryOnlineRestore => DirectoryRestore(diagnosis, facts, events),
                IncidentModels.QuorumPowerFailure => QuorumPowerFailure(diagnosis, facts, events),
                null => (null, $"article {diagnosis.Kb} declares no diagnosed incident for the simulator to replay"),
                var model => (null, $"the simulator has no incident model '{model}' (article {diagnosis.Kb})"),
            };
            if (run is null)
            {
                return (null, problem);
            }

            if (ReplayCheck.Missing(run.Simulator.Journal.Events, diagnosis.Events, incident!.Reproduces, events) is { } missing)
            {
                return (null, Suspect(missing, facts));
            }

            return (run.Case with { Assumptions = facts.Assumptions }, null);
        }
        catch (SimulationException e)
        {
            return (null, $"the simulated incident could not be replayed: {e.Message}");
        }
    }

    private static string Suspect(string what, IncidentFacts facts) =>
        facts.Assumptions.Count == 0 ? $"diagnosis suspect: {what}" : $"diagnosis suspect: {what} (replayed assuming {string.Join("; ", facts.Assumptions)})";

    private static (SimulationRun?, string?) DirectoryRestore(DiagnosedIncident d, IncidentFacts facts, EventCatalog events)
    {
        var database = d.Events.FirstOrDefault(e => e.Type == "ExchangeDirectoryInitFailed");
        if (database is null)
        {
            return (null, $"the diagnosis has no {Named(events, "ExchangeDirectoryInitFailed")} to replay");
        }

        var nodes = Nodes(d, database.Node, null);
        var setup = new DirectoryRestoreSetup(d.Snapshot?.Cluster ?? "CLUSTER", nodes, database.Node, (database.Time ?? new DateTime(1999, 4, 1, 0, 0, 0, DateTimeKind.Utc)).AddHours(-6), TimeSpan.FromHours(2), false, 0, 1)
        {
            NodeOs = nodes.Where(n => facts.SnapshotOs(n) is not null).ToDictionary(n => n, n => facts.SnapshotOs(n)!.Value),
        };

        // The directory resource is the snapshot's resource that runs the failed service, when the snapshot lists resources.
        var service = database.Field("service");
        if (d.Snapshot is { Resources.Count: > 0 } snapshot && service is not null)
        {
            var resource = snapshot.Resources.FirstOrDefault(r => string.Equals(r.Service, service, StringComparison.OrdinalIgnoreCase));
            if (resource is null)
            {
                return (null, Suspect($"the snapshot's resources run no {service}, so the cluster has no directory resource to bring online", facts));
            }

            setup = setup with { DirectoryResource = resource.Name, Group = resource.Group ?? setup.Group };
        }
        else
        {
            facts.Assume($"the directory runs as the generic-service resource '{setup.DirectoryResource}' in group '{setup.Group}' (no snapshot lists the resources)");
        }

        foreach (var node in nodes.Where(n => facts.SnapshotOs(n) is null))
        {
            facts.Assume($"{node} runs the operating system the simulator gives an Exchange 5.5 cluster of {nodes.Count} nodes (no snapshot gives its OS)");
        }

        return (DirectoryRestoreModel.Build(setup, incident: true, d.Kb, d.Kb, events), null);
    }

    private static (SimulationRun?, string?) QuorumPowerFailure(DiagnosedIncident d, IncidentFacts facts, EventCatalog events)
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
                damage[IncidentFacts.NodeName(node.Name)] = state;
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
        var nodes = snapshot.Nodes.Select(n => IncidentFacts.NodeName(n.Name)).OrderBy(n => damage.ContainsKey(n) ? 0 : 1).ToList();
        var os = nodes.ToDictionary(n => n, n => facts.OsOf(n, OsVersion.Nt4Sp4, "the snapshot does not give its service pack; the article's failure is NT4 SP4's"));
        var setup = new QuorumPowerFailureSetup(snapshot.Cluster ?? "CLUSTER", nodes, kind.Value, damage,
            (quorum.LastConfigurationChangeUtc ?? snapshot.CapturedAtUtc ?? new DateTime(1999, 11, 1, 0, 0, 0, DateTimeKind.Utc)).AddDays(-3), 3, 0, 1) { NodeOs = os };
        var run = QuorumPowerFailureModel.Build(setup, d.Kb, d.Kb, events);
        var replayed = run.Simulator.State;
        foreach (var node in nodes)
        {
            var want = damage.GetValueOrDefault(node, ClusdbState.Valid);
            var got = replayed.Node(node).Clusdb.State;
            if (got != want && !(want == ClusdbState.Missing && got == ClusdbState.ZeroBytes))
            {
                return (null, Suspect($"the replayed power failure leaves {node}'s Clusdb {got.ToString().ToLowerInvariant()}, not {want.ToString().ToLowerInvariant()}", facts));
            }
        }

        var simulatedLatest = replayed.Quorum.Latest;
        if (simulatedLatest is null || simulatedLatest.Consistent != consistent)
        {
            return (null, Suspect($"the replay's newest checkpoint is {(simulatedLatest?.Consistent == true ? "consistent" : "inconsistent or missing")}, the snapshot's is {(consistent ? "consistent" : "inconsistent")}", facts));
        }

        var simulatedOutdated = replayed.LastConfigurationChange > simulatedLatest.WrittenAt;
        if (latest?.WrittenAtUtc is not null && quorum.LastConfigurationChangeUtc is not null && simulatedOutdated != outdated)
        {
            return (null, Suspect($"the replay's newest checkpoint is {(simulatedOutdated ? "older" : "newer")} than the last configuration change, the snapshot's is not", facts));
        }

        return (run, null);
    }

    /// <summary>
    /// An incident written as operations, replayed on the diagnosis' nodes: a role with <c>seenIn</c> is the node where the
    /// diagnosis saw that fact, the others the next nodes; nodes the operations upgrade start with the cluster's OS, the
    /// others run what the snapshot says, else the cluster's OS (an assumption, listed).
    /// </summary>
    private static (SimulationRun?, string?) Written(DiagnosedIncident d, Incident incident, IncidentFacts facts, EventCatalog events)
    {
        var (roles, problem) = ReplayRoles.Place(d, incident, events);
        var (choices, unchosen) = ReplayRoles.Choose(d, incident, events);
        if (roles is null || choices is null)
        {
            return (null, problem ?? unchosen);
        }

        var first = roles.Values.FirstOrDefault() ?? d.Events.FirstOrDefault()?.Node ?? "NODE1";
        var nodes = Nodes(d, first, null);
        for (var partner = 2; nodes.Count < incident.Roles.Count; partner++)
        {
            nodes.Add($"{first}-PARTNER{partner}");
        }

        foreach (var role in incident.Roles.Where(r => !roles.ContainsKey(r.Name)))
        {
            roles[role.Name] = nodes.First(n => !roles.ContainsValue(n));
        }

        var declared = IncidentInterpreter.Os(incident.Cluster!.Os);
        var changing = IncidentInterpreter.RolesWhoseOsChanges(incident).ToHashSet(StringComparer.Ordinal);
        var os = new Dictionary<string, OsVersion>(StringComparer.Ordinal);
        foreach (var node in nodes.Where(n => !roles.Any(r => r.Value == n && changing.Contains(r.Key))))
        {
            os[node] = facts.OsOf(node, declared, $"no snapshot gives its OS; the incident's cluster runs {incident.Cluster.Os}");
        }

        // Whatever a snapshot says of a node the operations upgrade or roll back, the replay starts it on the cluster's OS.
        foreach (var (role, node) in roles.Where(r => changing.Contains(r.Key)))
        {
            facts.Assume($"{node} ran {incident.Cluster.Os} until the incident's operations changed its OS (role {{{role}}})");
        }

        var known = new IncidentInterpreter.Known(nodes, roles, os) { Choices = choices };
        return (IncidentInterpreter.Run(incident, d.Kb, d.Kb, events, new ScenarioOptions(1, Noise: 0), known), null);
    }

    /// <summary>The events that become a fact type, as the catalog names them: "MSExchangeDS 1002 (ExchangeDirectoryInitFailed)".</summary>
    internal static string Named(EventCatalog events, string factType)
    {
        var entries = events.Entries.Where(e => e.FactType == factType).Select(e => $"{e.Provider} {e.EventId}").ToList();
        return entries.Count == 0 ? $"{factType} event" : $"{string.Join(" or ", entries)} ({factType})";
    }

    /// <summary>The snapshot's nodes, then the named roles, then every other node the diagnosis saw; a partner when only one is known.</summary>
    private static List<string> Nodes(DiagnosedIncident d, string first, string? second)
    {
        var nodes = d.Snapshot?.Nodes.Select(n => IncidentFacts.NodeName(n.Name)).ToList() ?? [];
        foreach (var n in new[] { first, second }.Concat(d.Events.Select(e => e.Node)))
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
}
