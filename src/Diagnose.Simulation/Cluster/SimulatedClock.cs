namespace Diagnose.Simulation.Cluster;

/// <summary>The simulator's only clock: it moves when the simulation says so, never with the wall clock.</summary>
public sealed class SimulatedClock : TimeProvider
{
    private DateTimeOffset _now;

    public SimulatedClock(DateTime startUtc) => _now = new DateTimeOffset(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc));

    public DateTime UtcNow => _now.UtcDateTime;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by)
    {
        if (by > TimeSpan.Zero)
        {
            _now += by;
        }
    }
}
