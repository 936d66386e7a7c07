namespace Diagnose.Reports.Html.Layout;

/// <summary>A span of time drawn across the timeline's width.</summary>
public sealed record TimeWindow(DateTime From, DateTime To)
{
    public TimeSpan Length => To - From;

    public bool Contains(DateTime time) => time >= From && time <= To;

    /// <summary>The smallest window holding every time, widened by a margin on each side so marks are not on the edge.</summary>
    public static TimeWindow? Around(IEnumerable<DateTime> times, TimeSpan minimumMargin)
    {
        var list = times.ToList();
        if (list.Count == 0)
        {
            return null;
        }

        var from = list.Min();
        var to = list.Max();
        var margin = TimeSpan.FromTicks(Math.Max(minimumMargin.Ticks, (to - from).Ticks / 10));
        return new TimeWindow(from - margin, to + margin);
    }
}
