using System.Globalization;
using Diagnose.Knowledge.Articles;
using Diagnose.Knowledge.Events;
using Diagnose.Simulation.Cluster;
using Diagnose.Simulation.Model;
using Diagnose.Simulation.Validation;

namespace Diagnose.Simulation.Scenarios;

/// <summary>
/// Runs an incident written as data (kb/ <c>incidents[]</c> with <c>cluster</c>, <c>roles</c> and <c>operations</c>): builds
/// the starting cluster, gives each role a node, and runs the operations with the same executor as plan steps. The seed
/// picks the names, the node count, the role nodes, the start and every <c>wait</c> range, and spreads the noise
/// between the operations; a replay gives the nodes, roles and operating systems of the incident as it was instead.
/// </summary>
internal static class IncidentInterpreter
{
    /// <summary>What a replay knows of the incident: its nodes in order, the node of each role it could place, and the OS of the nodes the snapshot gives.</summary>
    public sealed record Known(IReadOnlyList<string> Nodes, IReadOnlyDictionary<string, string> Roles, IReadOnlyDictionary<string, OsVersion> NodeOs)
    {
        /// <summary>The names of the groups and resources the snapshot gives, by the placeholder they bind (<c>binds</c>).</summary>
        public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

        /// <summary>Each node's Clusdb state as the snapshot gives it (valid, corrupt, zero-bytes, missing), for roles bound by <c>snapshotClusdb</c>.</summary>
        public IReadOnlyDictionary<string, string> Clusdb { get; init; } = new Dictionary<string, string>();
    }

    public static SimulationRun Run(Incident incident, string name, string? kb, EventCatalog events, ScenarioOptions options, Known? known = null)
    {
        if (incident.OneOf.Count > 0)
        {
            // The seed picks the situation; the picked incident makes every other choice from the same seed.
            var chosen = incident.OneOf[new Random(options.Seed).Next(incident.OneOf.Count)];
            return Run(chosen, name, kb, events, options, known) with { Description = incident.Description };
        }

        var spec = incident.Cluster ?? throw new SimulationException($"incident '{incident.Id}' declares no cluster to start from");
        var random = new Random(options.Seed);
        var nodes = known?.Nodes ?? Names.Nodes(random, options.NodeCount(random));
        var os = Os(spec.OsFor(nodes.Count));
        var state = ClusterFactory.Create(Names.Cluster(random), nodes, os, 10 + random.Next(20), 0x10 + random.Next(0x40));
        ClusterFactory.SetOs(state, known?.NodeOs ?? new Dictionary<string, OsVersion>());
        var start = known is null ? spec.Start.AddDays(random.Next(60)).AddMinutes(random.Next(600)) : spec.Start;
        foreach (var group in spec.Groups)
        {
            state.Groups.Add(ClusterFactory.Group(SubjectBinding.Name(group.Name, group.Binds, known?.Names), nodes, [.. group.Resources.Select(r => Resource(r with { Name = SubjectBinding.Name(r.Name, r.Binds, known?.Names) }, nodes))]));
        }

        foreach (var database in spec.Databases)
        {
            state.Databases[database.Instance] = new JetDatabase { Instance = database.Instance, Path = database.Path, Format = OsVersions.JetFormat(os) };
            state.Backups.Add(new Backup(database.Instance, OsVersions.JetFormat(os), start.AddDays(-2)));
        }

        state.Backups.Add(new Backup("clusdb", state.ConfigVersion, start.AddDays(-2)));
        var binding = RoleSets.Assign(incident, nodes, known, random);
        var bound = SubjectBinding.Bind(binding, spec, known?.Names);

        // The seed decides whether the follow-up runs even when the run stops at the incident, and the noise is shared as if
        // it ran, so a run that stops at the incident is the same run cut short.
        var followUp = incident.FollowUp.Count > 0 && random.Next(2) == 0 && known is null && !options.UntilIncident;
        var sim = new ClusterSimulator(state, start, options.Seed, events, assumptionsOff: AssumptionsOff(incident));
        var steps = binding.Bind([.. incident.Operations, .. followUp ? incident.FollowUp : []]);
        var operations = incident.Operations.Count + incident.FollowUp.Count;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            StepExecutor.Execute(sim, step.Operation == "wait" ? step with { Args = Picked(step.Args, random) } : step);

            // The noise is spread between the operations (a step repeated for several nodes is one operation).
            if (i == steps.Count - 1 || steps[i + 1].Number != step.Number)
            {
                Noise.Emit(sim, random, Noise.Share(options.Noise, operations, step.Number - 1), TimeSpan.FromMinutes(30));
            }
        }

        // The newest checkpoint on the quorum disk, as a plan names it (copy it over Clusdb).
        if (sim.State.Quorum.Latest is { } latest)
        {
            binding.Set("latestCheckpoint", latest.File);
        }

        var affected = bound.Count > 0 ? bound : spec.Groups.SelectMany(g => g.Resources).Select(r => r.Name).ToList();
        return new SimulationRun(name, kb, incident.Description, sim, binding, affected);
    }

    /// <summary>The simulator assumptions the incident switches off (kb/ <c>incidents[].assumptions</c>, names checked at load).</summary>
    public static HashSet<Assumption> AssumptionsOff(Incident incident) =>
        [.. Assumptions.All.Where(a => incident.Assumptions.TryGetValue(a.Name(), out var on) && !on)];

    /// <summary>The nodes the operations upgrade, roll back or patch, by role: they start with the cluster's OS, whatever a later snapshot says.</summary>
    public static IEnumerable<string> RolesWhoseOsChanges(Incident incident) =>
        incident.Operations.Where(o => o.Operation is "upgrade-node-os" or "rollback-node-os" or "install-service-pack")
            .Select(o => o.Arguments.GetValueOrDefault("node", "").Trim('{', '}'));

    public static OsVersion Os(string text)
    {
        try
        {
            return OsVersions.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new SimulationException(e.Message);
        }
    }

    private static SimResource Resource(IncidentResource r, IReadOnlyList<string> nodes) => new()
    {
        Name = r.Name, Type = r.Type, Service = r.Service, Instance = r.Database, FailedEvent = r.FailedEvent,
        Kind = r.Checkpoint is not null ? ResourceKind.CheckpointedService : r.Database is null ? ResourceKind.Plain : ResourceKind.Jet, PossibleOwners = [.. nodes],
        CheckpointKey = r.Checkpoint, StartedEvent = r.StartedEvent, FailoverOnFailure = r.Failover, DisplayName = r.DisplayName ?? r.Service ?? r.Name,
    };

    /// <summary>A <c>wait</c> of "6-78" hours becomes a number of hours the seed picks in that range.</summary>
    private static Dictionary<string, string> Picked(IReadOnlyDictionary<string, string> args, Random random)
    {
        var picked = args.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var range = args["hours"].Split('-', 2);
        if (range.Length == 2 && int.TryParse(range[0], CultureInfo.InvariantCulture, out var low) && int.TryParse(range[1], CultureInfo.InvariantCulture, out var high) && high >= low)
        {
            picked["hours"] = (low + random.Next(high - low + 1)).ToString(CultureInfo.InvariantCulture);
        }

        return picked;
    }
}
