namespace Diagnose.Rules.Model;

/// <summary>
/// An example beside a rule: facts that must make it fire <see cref="Firings"/> times (0 for a near
/// miss, -1 for "at least once"), with where it is written so a failing example can be found.
/// <see cref="RuledOut"/> (when given) says whether its conclusions must be ruled out by an <c>unless</c> entry;
/// <see cref="Confidence"/> (when given) is the confidence its diagnosis must get.
/// </summary>
public sealed record RuleExample(string Name, int Firings, IReadOnlyList<ExampleFact> Facts, string Source, int Line, int Column)
{
    /// <summary>When set, whether the rule's conclusions must all be ruled out (true) or not all be (false).</summary>
    public bool? RuledOut { get; init; }

    /// <summary>When set, the confidence the rule's best diagnosis that is not ruled out must get (to within 0.0005).</summary>
    public double? Confidence { get; init; }
}
