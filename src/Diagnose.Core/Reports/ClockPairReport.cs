namespace Diagnose.Core.Reports;

/// <summary>
/// The estimated skew between two nodes: seconds <see cref="Second"/>'s clock reads ahead of <see cref="First"/>'s,
/// ± <see cref="Uncertainty"/>, from <see cref="Markers"/> pairs of same-moment events (the evidence).
/// </summary>
public sealed class ClockPairReport
{
    public required string First { get; init; }

    public required string Second { get; init; }

    public double Skew { get; init; }

    public double Uncertainty { get; init; }

    public int Markers { get; init; }

    /// <summary>How the estimate was reached, in a sentence (and any disagreement between the pairs).</summary>
    public required string Basis { get; init; }

    public List<EvidenceItem> Evidence { get; init; } = [];
}
