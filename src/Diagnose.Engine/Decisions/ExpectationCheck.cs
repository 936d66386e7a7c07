using System.Globalization;
using Diagnose.Core.Reports;
using Diagnose.Knowledge.Decisions;

namespace Diagnose.Decisions;

/// <summary>Compares a report with a case's expectation and says, in words, each way it differs.</summary>
internal static class ExpectationCheck
{
    // Confidences are rounded to two places in the report's text; the expectation is met within half of that.
    private const double ConfidenceTolerance = 0.005;

    public static List<string> Compare(CaseExpectation expect, AnalysisReport report)
    {
        var failures = new List<string>();
        foreach (var problem in report.Inputs.SelectMany(i => i.Errors))
        {
            failures.Add($"input problem: {problem}");
        }

        var got = string.Join(", ", report.Diagnoses.Select(Describe));
        foreach (var want in expect.Diagnoses)
        {
            var match = report.Diagnoses.FirstOrDefault(d => d.Rule == want.Rule);
            if (match is null)
            {
                failures.Add($"expected a diagnosis by {want.Rule}; got {(got.Length == 0 ? "none" : got)}");
                continue;
            }

            if (want.Plan is not null && match.Fix?.Plan != want.Plan)
            {
                failures.Add($"{want.Rule}: expected plan {want.Plan}, got {match.Fix?.Plan ?? "none"}");
            }

            if (want.Severity is { } severity && !string.Equals(severity, match.Severity.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{want.Rule}: expected severity {severity}, got {match.Severity.ToString().ToLowerInvariant()}");
            }

            if (want.Confidence is { } confidence && Math.Abs(match.Confidence - confidence) > ConfidenceTolerance)
            {
                failures.Add($"{want.Rule}: expected confidence {Format(confidence)}, got {Format(match.Confidence)}");
            }
        }

        if (expect.Only && report.Diagnoses.Any(d => expect.Diagnoses.All(w => w.Rule != d.Rule)))
        {
            failures.Add($"expected {(expect.Diagnoses.Count == 0 ? "no diagnosis" : "only " + string.Join(", ", expect.Diagnoses.Select(d => d.Rule)))}; got {got}");
        }

        foreach (var rule in expect.Absent.Where(rule => report.Diagnoses.Any(d => d.Rule == rule)))
        {
            failures.Add($"expected no diagnosis by {rule}; got {got}");
        }

        foreach (var want in expect.RuledOut)
        {
            var entries = report.RuledOut.Where(r => r.Rule == want.Rule).ToList();
            if (entries.Count == 0)
            {
                failures.Add($"expected {want.Rule} in ruledOut[]; ruledOut[] holds {(report.RuledOut.Count == 0 ? "nothing" : string.Join(", ", report.RuledOut.Select(r => r.Rule)))}");
            }
            else if (want.ReasonContains is { } reason && !entries.Any(r => r.Reason.Contains(reason, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"{want.Rule} is ruled out, but no reason says \"{reason}\": {string.Join(" / ", entries.Select(r => r.Reason))}");
            }
        }

        foreach (var text in expect.Collect.Where(text => !report.Collect.Any(c => Mentions(c, text))))
        {
            failures.Add($"expected collect[] to ask for \"{text}\"; it holds {(report.Collect.Count == 0 ? "nothing" : string.Join(" / ", report.Collect.Select(c => c.What)))}");
        }

        Listed(expect.Benign, report.Benign, "benign[]", failures);
        Listed(expect.Unexplained, report.Unexplained, "unexplained[]", failures);
        return failures;
    }

    private static void Listed(IReadOnlyList<ExpectedListedEvent> wanted, IReadOnlyList<EventReference> listed, string category, List<string> failures)
    {
        foreach (var want in wanted.Where(w => !listed.Any(e =>
            e.EventId == w.EventId && string.Equals(e.Provider, w.Provider, StringComparison.OrdinalIgnoreCase) && string.Equals(e.Node, w.Node, StringComparison.OrdinalIgnoreCase))))
        {
            failures.Add($"expected {want.Provider} {want.EventId} on {want.Node} in {category}; it holds {(listed.Count == 0 ? "nothing" : string.Join(", ", listed.Select(e => $"{e.Provider} {e.EventId} on {e.Node}")))}");
        }
    }

    private static bool Mentions(CollectReport c, string text) =>
        c.What.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (c.Command?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
        || c.Because.Any(b => b.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static string Describe(DiagnosisReport d) => $"{d.Rule} ({Format(d.Confidence)}{(d.Fix is { } fix ? ", " + fix.Plan : "")})";

    private static string Format(double confidence) => confidence.ToString("0.00", CultureInfo.InvariantCulture);
}
