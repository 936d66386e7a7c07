namespace Diagnose.Rules.Model;

/// <summary>A <c>competes</c> entry: another rule that explains the same symptoms, and the fact (and how to get it) that would tell them apart.</summary>
public sealed record CompetingCause(string Rule, string SeparatedBy);
