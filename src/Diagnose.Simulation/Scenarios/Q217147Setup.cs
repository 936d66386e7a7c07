using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Scenarios;

/// <summary>The choices of one Q217147 run: names, the situation, which nodes end with which Clusdb, timings and noise.</summary>
internal sealed record Q217147Setup(string Cluster, IReadOnlyList<string> Nodes, Q217147Kind Kind, IReadOnlyDictionary<string, ClusdbState> Damage, DateTime Start, int Days, int Noise, int Seed)
{
    public static Q217147Setup FromSeed(ScenarioOptions options, Q217147Kind? kind = null)
    {
        var random = new Random(options.Seed);
        var nodes = Names.Nodes(random, options.NodeCount(random));
        var chosen = kind ?? (Q217147Kind)random.Next(4);
        var damage = new Dictionary<string, ClusdbState>(StringComparer.Ordinal);
        ClusdbState Pick() => chosen == Q217147Kind.ClusdbDamaged || random.Next(2) == 0 ? ClusdbState.ZeroBytes : ClusdbState.Corrupt;
        switch (chosen)
        {
            case Q217147Kind.ClusdbDamaged or Q217147Kind.AllDamaged:
                foreach (var node in nodes)
                {
                    damage[node] = Pick();
                }

                break;
            case Q217147Kind.Outdated or Q217147Kind.Inconsistent:
                var count = 1 + random.Next(nodes.Count - 1);
                foreach (var node in nodes.Take(count))
                {
                    damage[node] = chosen == Q217147Kind.Inconsistent ? ClusdbState.Corrupt : Pick();
                }

                break;
        }

        return new Q217147Setup(Names.Cluster(random), nodes, chosen, damage,
            new DateTime(1999, 10, 4, 8, 0, 0, DateTimeKind.Utc).AddDays(random.Next(60)).AddMinutes(random.Next(600)), 2 + random.Next(8), options.Noise, options.Seed);
    }
}
