namespace Diagnose.Reports.Html.Layout;

/// <summary>One mark on the timeline: an event or a derived fact, on its node's lane at its time.</summary>
public sealed record TimelineItem(TimelineItemKind Kind, string Lane, DateTime Time, string Label, string Key);
