namespace Diagnose.Rules.Model;

/// <summary>
/// An example beside a rule: facts that must make it fire <see cref="Firings"/> times (0 for a near
/// miss, -1 for "at least once"), with where it is written so a failing example can be found.
/// </summary>
public sealed record RuleExample(string Name, int Firings, IReadOnlyList<ExampleFact> Facts, string Source, int Line, int Column);
