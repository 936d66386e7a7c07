namespace Diagnose.Core.Reports;

/// <summary>The shortest run that breaks a goal: the steps done, the faults injected, the invariant broken and the events logged.</summary>
public sealed record Counterexample(IReadOnlyList<string> Steps, IReadOnlyList<string> Faults, string Invariant, string Detail, IReadOnlyList<string> Events);
