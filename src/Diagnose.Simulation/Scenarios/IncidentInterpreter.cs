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
        /// <summary>The group of each choice the diagnosis decides (kb/ <c>incidents[].choices</c>).</summary>
        public IReadOnlyDictionary<string, string> Choices { get; init; } = new Dictionary<string, string>();
    }

    public static SimulationRun Run(Incident incident, string name, string? kb, EventCatalog events, ScenarioOptions options, Known? known = null)
    {
        var spec = incident.Cluster ?? throw new SimulationException($"incident '{incident.Id}' declares no cluster to start from");
        var random = new Random(options.Seed);
        var nodes = known?.Nodes ?? Names.Nodes(random, options.NodeCount(random));
        var os = Os(spec.Os);
        var state = ClusterFactory.Create(Names.Cluster(random), nodes, os, 10 + random.Next(20), 0x10 + random.Next(0x40));
        ClusterFactory.SetOs(state, known?.NodeOs ?? new Dictionary<string, OsVersion>());
        var start = known is null ? spec.Start.AddDays(random.Next(60)).AddMinutes(random.Next(600)) : spec.Start;
        foreach (var group in spec.Groups)
        {
            state.Groups.Add(ClusterFactory.Group(group.Name, nodes, [.. group.Resources.Select(r => Resource(r, nodes))]));
        }

        foreach (var database in spec.Databases)
        {
            state.Databases[database.Instance] = new JetDatabase { Instance = database.Instance, Path = database.Path, Format = OsVersions.JetFormat(os) };
            state.Backups.Add(new Backup(database.Instance, OsVersions.JetFormat(os), start.AddDays(-2)));
        }

        state.Backups.Add(new Backup("clusdb", state.ConfigVersion, start.AddDays(-2)));
        var binding = Roles(incident, nodes, known, random);
        IncidentSets.Bind(incident, binding, nodes, known?.Choices, random);
        var sim = new ClusterSimulator(state, start, options.Seed, events);
        var steps = binding.Bind(incident.Operations);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            StepExecutor.Execute(sim, step.Operation == "wait" ? step with { Args = Picked(step.Args, random) } : step);

            // The noise is spread between the operations (a step repeated for several nodes is one operation).
            if (i == steps.Count - 1 || steps[i + 1].Number != step.Number)
            {
                Noise.Emit(sim, random, Noise.Share(options.Noise, incident.Operations.Count, step.Number - 1), TimeSpan.FromMinutes(30));
            }
        }

        var affected = spec.Groups.SelectMany(g => g.Resources).Select(r => r.Name).ToList();
        return new SimulationRun(name, kb, incident.Description, sim, binding, affected);
    }

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
        Kind = r.Database is null ? ResourceKind.Plain : ResourceKind.Jet, PossibleOwners = [.. nodes],
    };

    /// <summary><c>{nodes}</c> is every node; each role a different node: the known one, else one the seed picks (a replay takes the next free node).</summary>
    private static PlanBinding Roles(Incident incident, IReadOnlyList<string> nodes, Known? known, Random random)
    {
        var binding = new PlanBinding().Set("nodes", [.. nodes]);
        var free = nodes.Where(n => known?.Roles.Values.Contains(n) != true).ToList();
        foreach (var role in incident.Roles)
        {
            if (known?.Roles.GetValueOrDefault(role.Name) is not { } node)
            {
                if (free.Count == 0)
                {
                    throw new SimulationException($"incident '{incident.Id}' has more roles than the cluster's {nodes.Count} nodes");
                }

                node = free[known is null ? random.Next(free.Count) : 0];
            }

            free.Remove(node);
            binding.Set(role.Name, node);
        }

        return binding;
    }

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
