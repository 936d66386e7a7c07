namespace Diagnose.Analysis;

/// <summary>Per-analysis options.</summary>
public sealed record AnalyzeOptions
{
    /// <summary>Called as inputs are read: input path, bytes read, total bytes.</summary>
    public Action<string, long, long>? Progress { get; init; }

    /// <summary>
    /// Receives <see cref="AnalysisProgress"/> as inputs are read (about every MiB, and at the end of each
    /// input). It is called on the analysing thread unless the <see cref="IProgress{T}"/> posts elsewhere,
    /// as <see cref="Progress{T}"/> does.
    /// </summary>
    public IProgress<AnalysisProgress>? Reporter { get; init; }

    /// <summary>
    /// Rule ids or article ids (every rule of that article) to explain after the run: whether each fired and,
    /// if not, which pattern had no match (<see cref="Diagnose.Core.Reports.AnalysisReport.WhyNot"/>).
    /// An id that names no rule and no article with rules throws <see cref="ArgumentException"/>.
    /// </summary>
    public IReadOnlyList<string> WhyNot { get; init; } = [];

    /// <summary>
    /// Whether each diagnosis' plan is tried on the simulated cluster (the report's <c>fix.validation</c>); true by
    /// default. The decision-table runner turns it off: it tests the diagnosis, and <c>diagnose validate</c> the plans.
    /// </summary>
    public bool ValidateFixes { get; init; } = true;
}
