namespace Diagnose.Simulation.Scenarios;

/// <summary>
/// Seed (every choice a scenario makes comes from it), node count (2–4, or chosen by the seed), the number of everyday
/// noise events, and whether the run stops at the incident: a plan is validated on the failure a diagnosis describes,
/// not on the state after a fix that the scenario's log goes on to record.
/// </summary>
public sealed record ScenarioOptions(int Seed = 1, int? Nodes = null, int Noise = 20, bool UntilIncident = false)
{
    /// <summary>The cluster's node count: <see cref="Nodes"/>, or 2 to 4 drawn from <paramref name="random"/> when it is null.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Nodes"/> is outside 2 to 4.</exception>
    public int NodeCount(Random random)
    {
        var count = Nodes ?? 2 + random.Next(3);
        return count is >= 2 and <= 4 ? count : throw new ArgumentOutOfRangeException(nameof(Nodes), count, "a simulated cluster has 2 to 4 nodes");
    }
}
