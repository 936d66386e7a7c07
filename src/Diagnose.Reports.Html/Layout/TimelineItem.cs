namespace Diagnose.Reports.Html.Layout;

/// <summary>
/// One mark on the timeline: an event or a derived fact, on its node's lane at its time. <see cref="Time"/> is where
/// it is drawn: on the node's corrected clock when the report's <c>clock</c> section corrected that node, and then
/// <see cref="Logged"/> keeps the time as the node's log recorded it (null when nothing was moved).
/// </summary>
public sealed record TimelineItem(TimelineItemKind Kind, string Lane, DateTime Time, string Label, string Key)
{
    public DateTime? Logged { get; init; }
}
