using Diagnose.Knowledge.Decisions;

namespace Diagnose.Decisions;

/// <summary>How one case of one row behaved in one format: passed, or every way its report differed from the expectation.</summary>
public sealed record DecisionCaseResult(string Article, string Row, CaseKind Kind, string Case, DecisionFormat Format, IReadOnlyList<string> Failures)
{
    /// <summary>True when the report met every expectation of the case.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>One line starting "ok" or "FAIL" that names the article, row, case and format, then one indented line per failure.</summary>
    public override string ToString() =>
        $"{(Passed ? "ok  " : "FAIL")} {Article} {Row} {Kind} \"{Case}\" ({Format})" + string.Concat(Failures.Select(f => Environment.NewLine + "       " + f));
}
