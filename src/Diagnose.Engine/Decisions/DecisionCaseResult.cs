using Diagnose.Knowledge.Decisions;

namespace Diagnose.Decisions;

/// <summary>How one case of one row behaved in one format: passed, or every way its report differed from the expectation.</summary>
public sealed record DecisionCaseResult(string Article, string Row, CaseKind Kind, string Case, DecisionFormat Format, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;

    public override string ToString() =>
        $"{(Passed ? "ok  " : "FAIL")} {Article} {Row} {Kind} \"{Case}\" ({Format})" + string.Concat(Failures.Select(f => Environment.NewLine + "       " + f));
}
