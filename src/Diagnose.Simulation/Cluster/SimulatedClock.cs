namespace Diagnose.Simulation.Cluster;

/// <summary>The simulator's only clock: it moves when the simulation says so, never with the wall clock.</summary>
public sealed class SimulatedClock : TimeProvider
{
    private DateTimeOffset _now;

    /// <summary>A clock that reads <paramref name="startUtc"/> (taken as UTC whatever its kind) until advanced.</summary>
    public SimulatedClock(DateTime startUtc) => _now = new DateTimeOffset(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc));

    /// <summary>The simulated time, as a UTC <see cref="DateTime"/>.</summary>
    public DateTime UtcNow => _now.UtcDateTime;

    /// <summary>The simulated time, so code written against <see cref="TimeProvider"/> reads the simulation's clock.</summary>
    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock on by <paramref name="by"/>; a zero or negative span leaves it where it is (time never runs back).</summary>
    public void Advance(TimeSpan by)
    {
        if (by > TimeSpan.Zero)
        {
            _now += by;
        }
    }
}
