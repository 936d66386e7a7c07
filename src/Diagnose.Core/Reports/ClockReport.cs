namespace Diagnose.Core.Reports;

/// <summary>
/// The report's <c>clock</c> section: per node, the UTC offset applied to its zone-less times and where it came
/// from, and its clock's skew relative to the reference node as estimated from events every node logs at the same
/// moment; per node pair, the estimate with its evidence and uncertainty.
/// </summary>
public sealed class ClockReport
{
    /// <summary>The node the skews are relative to, or null when no two nodes could be compared.</summary>
    public string? Reference { get; init; }

    /// <summary>How the skews were estimated, in one sentence.</summary>
    public required string Method { get; init; }

    /// <summary>Each node's clock: offset, its source and skew.</summary>
    public List<NodeClockReport> Nodes { get; init; } = [];

    /// <summary>The skew estimate for each pair of nodes that could be compared.</summary>
    public List<ClockPairReport> Pairs { get; init; } = [];

    /// <summary>What could not be estimated, and why.</summary>
    public List<string> Notes { get; init; } = [];
}
