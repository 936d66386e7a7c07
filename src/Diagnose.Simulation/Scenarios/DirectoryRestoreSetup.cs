using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Scenarios;

/// <summary>The choices of one Q188674 run: names, the node that owns Exchange, timings, whether the fix follows, noise.</summary>
internal sealed record DirectoryRestoreSetup(string Cluster, IReadOnlyList<string> Nodes, string Owner, DateTime Start, TimeSpan BeforeRestore, bool FixFollows, int Noise, int Seed)
{
    /// <summary>The operating system each node runs when the run starts, where the incident's snapshot says so; others take the model's.</summary>
    public IReadOnlyDictionary<string, OsVersion> NodeOs { get; init; } = new Dictionary<string, OsVersion>();

    /// <summary>The directory's generic-service resource and its group, as the incident's snapshot names them.</summary>
    public string DirectoryResource { get; init; } = "Microsoft Exchange Directory";

    public string Group { get; init; } = "EXCHANGE";

    public static DirectoryRestoreSetup FromSeed(ScenarioOptions options)
    {
        var random = new Random(options.Seed);
        var nodes = Names.Nodes(random, options.NodeCount(random));
        return new DirectoryRestoreSetup(Names.Cluster(random), nodes, nodes[random.Next(nodes.Count)],
            new DateTime(1999, 3, 1, 8, 0, 0, DateTimeKind.Utc).AddDays(random.Next(120)).AddMinutes(random.Next(600)),
            TimeSpan.FromHours(2 + random.Next(24 * 14)), random.Next(2) == 0, options.Noise, options.Seed);
    }
}
