using Diagnose.Rules.Facts;

namespace Diagnose.Clock;

/// <summary>How far <see cref="Second"/>'s clock reads ahead of <see cref="First"/>'s, ± <see cref="Uncertainty"/>, from the paired markers.</summary>
internal sealed record PairEstimate(string First, string Second, TimeSpan Skew, TimeSpan Uncertainty, IReadOnlyList<(Fact First, Fact Second)> Pairs, string Basis);
