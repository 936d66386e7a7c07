using Diagnose.Core.Reports;

namespace Diagnose.Reports.Html.Layout;

/// <summary>What the timeline assumes about each input's clock, said on the axis.</summary>
internal static class ClockNotes
{
    // CSV and pasted text carry wall-clock times with no zone; without --utc-offset they are taken as UTC and the
    // input says so ("taken as UTC (assumed)", README, "Time across nodes"). Every other format records UTC.
    private static readonly HashSet<string> ZoneLess = new(StringComparer.OrdinalIgnoreCase) { "csv", "text" };

    public static IReadOnlyList<string> ZoneLessInputs(AnalysisReport report) =>
        report.Inputs.Where(i => ZoneLess.Contains(i.Format) && (i.Clock is null || i.Clock.Contains("(assumed)", StringComparison.Ordinal))).Select(i => i.Path).ToList();

    /// <summary>The skews measured between nodes, as one sentence per pair ("NODEB reads +30 s ± 2.4 s against NODEA").</summary>
    public static IReadOnlyList<string> Skews(AnalysisReport report) =>
        report.Clock?.Pairs.Select(p => $"{p.Second} reads {Seconds(p.Skew)} s ± {p.Uncertainty.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s against {p.First}").ToList() ?? [];

    /// <summary>Signed seconds to the millisecond: <c>+30</c>, <c>-97.3</c>.</summary>
    public static string Seconds(double seconds) =>
        (seconds >= 0 ? "+" : "") + seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
