using Diagnose.Core.Reports;

namespace Diagnose.Reports.Html.Layout;

/// <summary>What the timeline assumes about each input's clock, said on the axis.</summary>
internal static class ClockNotes
{
    // CSV and pasted text carry wall-clock times with no zone; their readers take them as UTC and say so
    // (README, "Input formats"). Every other format records UTC.
    private static readonly HashSet<string> ZoneLess = new(StringComparer.OrdinalIgnoreCase) { "csv", "text" };

    public static IReadOnlyList<string> ZoneLessInputs(AnalysisReport report) =>
        report.Inputs.Where(i => ZoneLess.Contains(i.Format)).Select(i => i.Path).ToList();
}
