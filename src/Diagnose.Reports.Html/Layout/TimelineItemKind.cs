namespace Diagnose.Reports.Html.Layout;

/// <summary>What a mark on the timeline stands for; it decides how strongly the mark is drawn.</summary>
public enum TimelineItemKind
{
    Evidence,
    Derived,
    Unexplained,
    Benign,
    Context,
}
