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
    /// <summary>
    /// Replays <paramref name="diagnosis"/> with the incident its article declares as diagnosed (kb/ <c>incidents[]</c>);
    /// one that picks among situations (<c>oneOf</c>) replays the first whose roles the evidence fills and whose replay
    /// shows the evidence, else names why the first that fitted did not.
    /// </summary>
    public static (IncidentCase? Case, string? Problem) Build(DiagnosedIncident diagnosis, Incident? incident, EventCatalog events)
    {
        if (incident is not { Model: null, OneOf.Count: > 0 })
        {
            return Replay(diagnosis, incident, events).Result;
        }

        var tried = incident.OneOf.Select(i => (i.Id, Replay: Replay(diagnosis, i, events))).ToList();
        if (tried.FirstOrDefault(t => t.Replay.Result.Case is not null) is { Id: not null } good)
        {
            return good.Replay.Result;
        }

        if (tried.FirstOrDefault(t => t.Replay.Fitted) is { Id: not null } fitted)
        {
            return fitted.Replay.Result;
        }

        return (null, $"the evidence fits none of {diagnosis.Kb}'s situations: {string.Join("; ", tried.Select(t => $"{t.Id}: {t.Replay.Result.Problem}"))}");
    }

    /// <summary>One incident's replay; <c>Fitted</c> is false when the evidence gives no nodes for one of its roles.</summary>
    private static ((IncidentCase? Case, string? Problem) Result, bool Fitted) Replay(DiagnosedIncident diagnosis, Incident? incident, EventCatalog events)
    {
        var facts = new IncidentFacts(diagnosis.Snapshot);
        try
        {
            var (run, problem) = incident?.Model switch
            {
                null when incident?.Operations.Count > 0 => Written(diagnosis, incident, facts, events),
                IncidentModels.JetRollingUpgrade => JetRollingUpgrade(diagnosis, facts, events),
                null => (null, $"article {diagnosis.Kb} declares no diagnosed incident for the simulator to replay"),
                var model => (null, $"the simulator has no incident model '{model}' (article {diagnosis.Kb})"),
            };
            if (run is null)
            {
                return ((null, problem), true);
            }

            if ((ReplayCheck.Missing(run.Simulator.Journal.Events, diagnosis.Events, incident!.Reproduces, events)
                ?? SnapshotStateCheck.Missing(run.Simulator.State, diagnosis.Snapshot, incident.Reproduces)) is { } missing)
            {
                return ((null, Suspect(missing, facts)), true);
            }

            return ((run.Case with { Assumptions = [.. facts.Assumptions, .. run.Case.Assumptions] }, null), true);
        }
        catch (RolesDoNotFitException e)
        {
            return ((null, $"the simulated incident could not be replayed: {e.Message}"), false);
        }
        catch (SimulationException e)
        {
            return ((null, $"the simulated incident could not be replayed: {e.Message}"), true);
        }
    }

    private static string Suspect(string what, IncidentFacts facts) =>
        facts.Assumptions.Count == 0 ? $"diagnosis suspect: {what}" : $"diagnosis suspect: {what} (replayed assuming {string.Join("; ", facts.Assumptions)})";

    private static (SimulationRun?, string?) JetRollingUpgrade(DiagnosedIncident d, IncidentFacts facts, EventCatalog events)
    {
        var failed = d.Events.FirstOrDefault(e => e.Type == "JetLogUnreadable");
        if (failed is null)
        {
            return (null, $"the diagnosis has no {Named(events, "JetLogUnreadable")} to replay");
        }

        var instance = (failed.Field("instance") ?? "wins").ToLowerInvariant();
        var upgraded = d.Events.FirstOrDefault(e => e.Type == "JetDatabaseUpgraded" && e.Node != failed.Node);
        var snapshotNewer = d.Snapshot?.Nodes.FirstOrDefault(n => IncidentFacts.Parse(n.Os, n.ServicePack) == OsVersion.Windows2003 && IncidentFacts.NodeName(n.Name) != failed.Node);
        var newer = upgraded?.Node ?? (snapshotNewer is null ? null : IncidentFacts.NodeName(snapshotNewer.Name));
        if (newer is null)
        {
            return (null, "the evidence does not say which node converted the database (no JetDatabaseUpgraded event from another node, no Windows Server 2003 node in a snapshot)");
        }

        var nodes = Nodes(d, failed.Node, newer);

        // Every node but the upgraded one runs what the snapshot says; the upgraded one ran Windows 2000 until its upgrade.
        var os = nodes.Where(n => n != newer).ToDictionary(n => n, n => facts.OsOf(n, OsVersion.Windows2000, "no snapshot gives its OS; the article's older nodes run Windows 2000"));
        facts.Assume($"{newer} ran Windows 2000 until it was upgraded to Windows Server 2003 (the article's rolling upgrade)");
        var start = (upgraded?.Time ?? failed.Time ?? new DateTime(2007, 2, 1, 0, 0, 0, DateTimeKind.Utc)).AddDays(-4);
        var setup = new JetRollingUpgradeSetup(d.Snapshot?.Cluster ?? "CLUSTER", nodes, newer, failed.Node, instance, start,
            TimeSpan.FromHours(12), TimeSpan.FromHours(24), TimeSpan.FromMinutes(30), 0, 1) { NodeOs = os };
        return (JetRollingUpgradeModel.Build(setup, JetRollingUpgradeStage.Incident, d.Kb, d.Kb, events), null);
    }

    /// <summary>
    /// An incident written as operations, replayed on the diagnosis' nodes: a role with <c>seenIn</c> is the node where the
    /// diagnosis saw that fact, the others the next nodes; nodes the operations upgrade start with the cluster's OS, the
    /// others run what the snapshot says, else the cluster's OS (an assumption, listed).
    /// </summary>
    private static (SimulationRun?, string?) Written(DiagnosedIncident d, Incident incident, IncidentFacts facts, EventCatalog events)
    {
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in incident.Roles.Where(r => r.SeenIn is not null))
        {
            if (d.Events.FirstOrDefault(e => e.Type == role.SeenIn) is not { } seen)
            {
                return (null, $"the diagnosis has no {Named(events, role.SeenIn!)} to say which node is {{{role.Name}}}");
            }

            roles[role.Name] = seen.Node;
        }

        var first = roles.Values.FirstOrDefault() ?? d.Events.FirstOrDefault()?.Node ?? d.Snapshot?.Nodes.Select(n => IncidentFacts.NodeName(n.Name)).FirstOrDefault() ?? "NODE1";
        var nodes = Nodes(d, first, null);
        for (var partner = 2; nodes.Count < incident.Roles.Where(r => r.Of is null).Sum(r => r.Count.Min); partner++)
        {
            nodes.Add($"{first}-PARTNER{partner}");
        }

        // Roles bound by the snapshot's Clusdb states, the others to the next free nodes (RoleSets, as the replay will).
        var clusdb = (d.Snapshot?.Nodes ?? []).ToDictionary(n => IncidentFacts.NodeName(n.Name), n => (n.ClusdbState ?? "valid").ToLowerInvariant(), StringComparer.Ordinal);
        var placed = RoleSets.Assign(incident, nodes, new IncidentInterpreter.Known(nodes, roles, new Dictionary<string, OsVersion>()) { Clusdb = clusdb }, new Random(1));
        var clusterOs = incident.Cluster!.OsFor(nodes.Count);
        var declared = IncidentInterpreter.Os(clusterOs);
        var changing = IncidentInterpreter.RolesWhoseOsChanges(incident).ToHashSet(StringComparer.Ordinal);
        var os = new Dictionary<string, OsVersion>(StringComparer.Ordinal);
        foreach (var node in nodes.Where(n => !changing.Any(r => placed.Values.GetValueOrDefault(r)?.Contains(n) == true)))
        {
            os[node] = facts.OsOf(node, declared, $"no snapshot gives its OS; the incident's cluster of {nodes.Count} nodes runs {clusterOs}");
        }

        if (SnapshotNames.Of(incident.Cluster, facts) is not { } names)
        {
            return (null, Suspect(SnapshotNames.Missing(incident.Cluster, facts), facts));
        }

        var known = new IncidentInterpreter.Known(nodes, roles, os) { Names = names, Clusdb = clusdb };
        return (IncidentInterpreter.Run(incident, d.Kb, d.Kb, events, new ScenarioOptions(1, Noise: 0), known), null);
    }

    /// <summary>The events that become a fact type, as the catalog names them: "MSExchangeDS 1002 (ExchangeDirectoryInitFailed)".</summary>
    private static string Named(EventCatalog events, string factType)
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
