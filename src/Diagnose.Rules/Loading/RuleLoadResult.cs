using Diagnose.Rules.Model;

namespace Diagnose.Rules.Loading;

/// <summary>What loading a set of rule folders gave: the rule set (only valid rules) and every problem found.</summary>
public sealed record RuleLoadResult(RuleSet RuleSet, IReadOnlyList<RuleProblem> Problems)
{
    /// <summary>True when loading found no problem.</summary>
    public bool Ok => Problems.Count == 0;
}
