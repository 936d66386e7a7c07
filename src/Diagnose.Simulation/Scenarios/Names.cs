namespace Diagnose.Simulation.Scenarios;

/// <summary>Node and cluster names as customers name them, picked by the seed.</summary>
internal static class Names
{
    private static readonly string[] Prefixes = ["NODE", "CLNODE", "SRV", "CLUS", "FS", "NT", "MSCS", "EXNODE", "HA"];

    public static List<string> Nodes(Random random, int count)
    {
        var prefix = Prefixes[random.Next(Prefixes.Length)];
        var letters = random.Next(2) == 0;
        var first = random.Next(3);
        return Enumerable.Range(0, count).Select(i => letters ? $"{prefix}{(char)('A' + first + i)}" : $"{prefix}{first + i + 1}").ToList();
    }

    public static string Cluster(Random random) => $"{new[] { "CLUSTER", "NTCLUS", "MSCS", "CLUS" }[random.Next(4)]}{random.Next(1, 10)}";
}
