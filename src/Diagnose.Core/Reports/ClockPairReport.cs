namespace Diagnose.Core.Reports;

/// <summary>
/// The estimated skew between two nodes: seconds <see cref="Second"/>'s clock reads ahead of <see cref="First"/>'s,
/// ± <see cref="Uncertainty"/>, from <see cref="Markers"/> pairs of same-moment events (the evidence).
/// </summary>
public sealed class ClockPairReport
{
    /// <summary>The node the skew is measured from.</summary>
    public required string First { get; init; }

    /// <summary>The node whose clock the skew is measured for.</summary>
    public required string Second { get; init; }

    /// <summary>Seconds <see cref="Second"/>'s clock reads ahead of <see cref="First"/>'s (negative: behind).</summary>
    public double Skew { get; init; }

    /// <summary>± seconds around <see cref="Skew"/>.</summary>
    public double Uncertainty { get; init; }

    /// <summary>How many pairs of same-moment events the estimate rests on.</summary>
    public int Markers { get; init; }

    /// <summary>How the estimate was reached, in a sentence (and any disagreement between the pairs).</summary>
    public required string Basis { get; init; }

    /// <summary>The events of the marker pairs.</summary>
    public List<EvidenceItem> Evidence { get; init; } = [];
}
