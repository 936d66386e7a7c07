namespace Diagnose.Rules.Engine;

/// <summary>
/// Why a rule did (not) fire: how far its matches got, pattern by pattern, and the first pattern where
/// none got through, in words.
/// </summary>
public sealed record WhyNotReport(string RuleId, int Fired, int Pending, IReadOnlyList<WhyNotStep> Steps, string Summary)
{
    /// <summary>The rule id and summary, then one indented line per pattern.</summary>
    public override string ToString() =>
        $"{RuleId}: {Summary}\n" + string.Join("\n", Steps.Select(s => "  " + s));
}
