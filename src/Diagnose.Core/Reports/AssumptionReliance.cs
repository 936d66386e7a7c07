namespace Diagnose.Core.Reports;

/// <summary>
/// A labelled simulator assumption a verdict rests on: with it switched off, the same plan on the same incident gets
/// <see cref="Without"/> instead (names and reasons: src/Diagnose.Simulation/README.md).
/// </summary>
public sealed record AssumptionReliance(string Name, Verdict Without);
