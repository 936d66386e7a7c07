using System.Globalization;
using Diagnose.Core.Time;

namespace Diagnose.Reports.Html.Layout;

/// <summary>Reading the report's ISO-8601 UTC times and writing them for people.</summary>
internal static class Times
{
    public static DateTime? Parse(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    public static string Show(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>ISO-8601 UTC as the JSON report writes evidence times, for the page's data attributes.</summary>
    public static string Iso(DateTime time) => IsoTime.Format(time, IsoPrecision.TicksTrimmed);

    public static string Short(DateTime time, TimeSpan span) =>
        span > TimeSpan.FromDays(2) ? time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
        : span > TimeSpan.FromHours(1) ? time.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)
        : time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
