namespace Diagnose.Analysis;

/// <summary>Per-analysis options.</summary>
public sealed record AnalyzeOptions
{
    /// <summary>Called as inputs are read: input path, bytes read, total bytes.</summary>
    public Action<string, long, long>? Progress { get; init; }
}
