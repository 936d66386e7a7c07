namespace Diagnose.Reports.Html.Layout;

/// <summary>Where a time and a lane fall in the SVG's coordinates, and the axis ticks.</summary>
internal sealed class TimelineScale
{
    public const double Width = 1000;
    public const double LabelWidth = 150;
    public const double LaneHeight = 36;
    public const double AxisHeight = 38;
    public const int TickCount = 6;

    private readonly IReadOnlyList<string> _lanes;

    public TimelineScale(TimeWindow window, IReadOnlyList<string> lanes)
    {
        Window = window;
        _lanes = lanes;
    }

    public TimeWindow Window { get; }

    public double Height => (_lanes.Count * LaneHeight) + AxisHeight;

    public double X(DateTime time) => LabelWidth + ((Width - LabelWidth - 10) * (time - Window.From).Ticks / Math.Max(1, Window.Length.Ticks));

    public double LaneTop(int lane) => lane * LaneHeight;

    public double Y(string lane) => LaneTop(IndexOf(lane)) + (LaneHeight / 2);

    public int IndexOf(string lane)
    {
        for (var i = 0; i < _lanes.Count; i++)
        {
            if (string.Equals(_lanes[i], lane, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return 0;
    }

    public IEnumerable<DateTime> Ticks() =>
        Enumerable.Range(0, TickCount).Select(i => Window.From + TimeSpan.FromTicks(Window.Length.Ticks * i / (TickCount - 1)));
}
