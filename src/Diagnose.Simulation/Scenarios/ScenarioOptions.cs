namespace Diagnose.Simulation.Scenarios;

/// <summary>Seed (every choice a scenario makes comes from it), node count (2–4, or chosen by the seed) and the number of everyday noise events.</summary>
public sealed record ScenarioOptions(int Seed = 1, int? Nodes = null, int Noise = 20)
{
    public int NodeCount(Random random)
    {
        var count = Nodes ?? 2 + random.Next(3);
        return count is >= 2 and <= 4 ? count : throw new ArgumentOutOfRangeException(nameof(Nodes), count, "a simulated cluster has 2 to 4 nodes");
    }
}
