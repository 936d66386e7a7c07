using System.Globalization;

namespace Diagnose.Core.Time;

/// <summary>
/// The one formatter for every timestamp Diagnose prints (reports, event listings, JSON, XML, Markdown,
/// stored analyses): ISO-8601 in UTC with a <c>Z</c>, invariant digits, at the precision the output needs.
/// </summary>
public static class IsoTime
{
    /// <summary>Formats a time as UTC. A local time is converted first; an unspecified one is taken as UTC, as the readers mean it.</summary>
    public static string Format(DateTime time, IsoPrecision precision)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        return utc.ToString(Pattern(precision), CultureInfo.InvariantCulture);
    }

    /// <summary>Formats the UTC instant of a time with an offset.</summary>
    public static string Format(DateTimeOffset time, IsoPrecision precision) => Format(time.UtcDateTime, precision);

    private static string Pattern(IsoPrecision precision) => precision switch
    {
        IsoPrecision.Seconds => "yyyy-MM-dd'T'HH:mm:ss'Z'",
        IsoPrecision.Ticks => "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'",
        IsoPrecision.TicksTrimmed => "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        IsoPrecision.Nanoseconds => "yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown precision"),
    };
}
