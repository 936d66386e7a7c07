using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Scenarios;

/// <summary>The choices of one KB293302 run: names, which node is upgraded, which one fails, WINS or DHCP, timings and noise.</summary>
internal sealed record JetRollingUpgradeSetup(
    string Cluster,
    IReadOnlyList<string> Nodes,
    string NewerNode,
    string FailingNode,
    string Instance,
    DateTime Start,
    TimeSpan BeforeUpgrade,
    TimeSpan UpgradeToMove,
    TimeSpan MoveToFailback,
    int Noise,
    int Seed)
{
    public static JetRollingUpgradeSetup FromSeed(ScenarioOptions options)
    {
        var random = new Random(options.Seed);
        var nodes = Names.Nodes(random, options.NodeCount(random));
        var newer = nodes[random.Next(nodes.Count)];
        var older = nodes.Where(n => n != newer).ToList();
        return new JetRollingUpgradeSetup(
            Names.Cluster(random), nodes, newer, older[random.Next(older.Count)], random.Next(2) == 0 ? "wins" : "dhcp",
            new DateTime(2007, 1, 8, 7, 0, 0, DateTimeKind.Utc).AddDays(random.Next(60)).AddMinutes(random.Next(600)),
            TimeSpan.FromHours(6 + random.Next(72)), TimeSpan.FromHours(1 + random.Next(96)), TimeSpan.FromMinutes(5 + random.Next(60 * 24 * 5)),
            options.Noise, options.Seed);
    }

    /// <summary>The operating system each node runs when the run starts, where the incident's snapshot says so; others take the model's.</summary>
    public IReadOnlyDictionary<string, OsVersion> NodeOs { get; init; } = new Dictionary<string, OsVersion>();

    public string GroupOf(string instance) => instance == "wins" ? "WINS Group" : "DHCP Group";

    public IReadOnlyList<string> OlderNodes => Nodes.Where(n => n != NewerNode).ToList();
}
