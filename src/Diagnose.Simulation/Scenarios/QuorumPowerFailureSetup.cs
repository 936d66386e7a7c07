using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Scenarios;

/// <summary>The choices of one Q217147 run: names, the situation, which nodes end with which Clusdb, timings and noise.</summary>
internal sealed record QuorumPowerFailureSetup(string Cluster, IReadOnlyList<string> Nodes, QuorumPowerFailureKind Kind, IReadOnlyDictionary<string, ClusdbState> Damage, DateTime Start, int Days, int Noise, int Seed)
{
    /// <summary>The operating system each node runs when the run starts, where the incident's snapshot says so; others take the model's.</summary>
    public IReadOnlyDictionary<string, OsVersion> NodeOs { get; init; } = new Dictionary<string, OsVersion>();

    public static QuorumPowerFailureSetup FromSeed(ScenarioOptions options, QuorumPowerFailureKind? kind = null)
    {
        var random = new Random(options.Seed);
        var nodes = Names.Nodes(random, options.NodeCount(random));
        var chosen = kind ?? (QuorumPowerFailureKind)random.Next(4);
        var damage = new Dictionary<string, ClusdbState>(StringComparer.Ordinal);
        ClusdbState Pick() => chosen == QuorumPowerFailureKind.ClusdbDamaged || random.Next(2) == 0 ? ClusdbState.ZeroBytes : ClusdbState.Corrupt;
        switch (chosen)
        {
            case QuorumPowerFailureKind.ClusdbDamaged or QuorumPowerFailureKind.AllDamaged:
                foreach (var node in nodes)
                {
                    damage[node] = Pick();
                }

                break;
            case QuorumPowerFailureKind.Outdated or QuorumPowerFailureKind.Inconsistent:
                var count = 1 + random.Next(nodes.Count - 1);
                foreach (var node in nodes.Take(count))
                {
                    damage[node] = chosen == QuorumPowerFailureKind.Inconsistent ? ClusdbState.Corrupt : Pick();
                }

                break;
        }

        return new QuorumPowerFailureSetup(Names.Cluster(random), nodes, chosen, damage,
            new DateTime(1999, 10, 4, 8, 0, 0, DateTimeKind.Utc).AddDays(random.Next(60)).AddMinutes(random.Next(600)), 2 + random.Next(8), options.Noise, options.Seed);
    }
}
