namespace Diagnose.Core.Time;

/// <summary>How much of the second an ISO-8601 UTC time shows.</summary>
public enum IsoPrecision
{
    /// <summary><c>2026-11-08T09:00:00Z</c>: snapshots, validation traces, the times an engineer types.</summary>
    Seconds,

    /// <summary><c>2026-11-08T09:00:00.1234560Z</c>: always seven digits (100 ns), the full precision of a FILETIME; event listings and stored times.</summary>
    Ticks,

    /// <summary><c>2026-11-08T09:00:00.123456Z</c>: up to seven digits, trailing zeros and an empty fraction left out; report evidence.</summary>
    TicksTrimmed,

    /// <summary><c>2026-11-08T09:00:00.123456700Z</c>: nine digits, as Event Viewer's XML writes <c>SystemTime</c>.</summary>
    Nanoseconds,
}
