using System.Globalization;
using System.Text;
using Diagnose.Core.Inputs;
using Diagnose.Core.Reports;

namespace Diagnose.Reports;

/// <summary>The report as plain text for a terminal: one block per diagnosis, then ruled out, to collect, benign, unexplained and inputs.</summary>
public static class TextReport
{
    /// <summary>The whole report as text, under an <c>== title ==</c> line when <paramref name="title"/> is given (e.g. an incident's name).</summary>
    public static string Write(AnalysisReport report, string? title = null)
    {
        var text = new StringBuilder();
        if (title is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"== {title} ==");
        }

        if (report.Diagnoses.Count == 0)
        {
            text.AppendLine("No known root cause found.");
        }

        foreach (var d in report.Diagnoses)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"DIAGNOSIS {d.Kb}  {d.Title}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  rule        {d.Rule} (confidence {d.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})");
            foreach (var line in d.ConfidenceBasis is { } basis ? EvidenceWording.Basis(basis) : [])
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  confidence  {line}");
            }

            foreach (var c in d.Competing ?? [])
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  competing   {c.Rule}; separated by: {c.SeparatedBy}");
            }

            foreach (var o in d.Order ?? [])
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  order       {o.Outcome}: {o.Text}");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"  root cause  {d.RootCause}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  nodes       {string.Join(", ", d.Nodes)}");
            text.AppendLine("  evidence");
            foreach (var e in d.Evidence)
            {
                var what = e.EventId is int id ? $"{e.Provider} {id} at {e.Time}" : $"{e.Fact}: {e.Value}";
                var where = e.Record is long r ? $"record {r}" : e.Line is int l ? $"line {l}" : "";
                text.AppendLine(CultureInfo.InvariantCulture, $"    {e.Role,-10} {what}  [{e.Node}]  {e.Source} {where}");
            }

            foreach (var f in d.DerivedFacts)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  derived     {f.Type} by {f.Rule}");
            }

            if (d.Fix is { } fix)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  fix         {fix.Plan}: {fix.Title}");
                for (var i = 0; i < fix.Steps.Count; i++)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    {i + 1,2}. {fix.Steps[i]}");
                }

                foreach (var warning in fix.Warnings)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    warning: {warning}");
                }

                if (fix.Validation is { } v)
                {
                    var held = v.Verdict == Verdict.Validated ? $", {v.FaultSchedules} fault schedules held on the simulated cluster" : "";
                    text.AppendLine(CultureInfo.InvariantCulture, $"  validation  {v.Verdict.Name()}{held}{(v.Reason is null ? "" : $" ({v.Reason})")}");
                    if (v.Trace.Count > 0)
                    {
                        text.AppendLine("  counterexample");
                        foreach (var line in v.Trace)
                        {
                            text.AppendLine(CultureInfo.InvariantCulture, $"    {line}");
                        }
                    }
                }
            }

            text.AppendLine();
        }

        foreach (var r in report.RuledOut)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"RULED OUT {EvidenceWording.RuledOut(r)}");
            foreach (var e in r.By)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  by {EvidenceWording.Evidence(e)}");
            }
        }

        foreach (var c in report.Collect)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"TO COLLECT {EvidenceWording.Collect(c)}");
        }

        foreach (var e in report.Benign)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"BENIGN {e.Provider} {e.EventId} [{e.Node}] {e.Time} {e.Source}: {e.Reason}");
        }

        foreach (var e in report.Unexplained)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"UNEXPLAINED {e.Provider} {e.EventId} [{e.Node}] {e.Time} {e.Source}: {e.Reason}");
        }

        foreach (var w in report.WhyNot ?? [])
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"WHY NOT {w.Rule} ({w.Kb}): {w.Reason}");
            foreach (var p in w.Patterns)
            {
                var mark = ReferenceEquals(p, w.StoppedAt) ? "  <- no match" : "";
                text.AppendLine(CultureInfo.InvariantCulture, $"  {p.Index}. {p.Kind} {p.Fact} as {p.Alias}: {p.Candidates} fact(s) pass its own tests, {p.Reaching} partial match(es) reach it, {p.Passing} get past{mark}");
            }
        }

        foreach (var line in EvidenceWording.Clock(report.Clock))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"CLOCK {line}");
        }

        text.AppendLine("inputs");
        foreach (var input in report.Inputs)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {input.Path}  {input.Format}  read {input.Records}, recovered {input.Recovered}, skipped {input.Skipped}{(input.Clock is null ? "" : $"  times {input.Clock}")}");
            foreach (var error in input.Errors)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    problem: {Describe(error)}");
            }
        }

        return text.ToString();
    }

    /// <summary>A problem with its position, worded as everywhere else (<see cref="InputProblem.Describe"/>).</summary>
    public static string Describe(InputError error) => InputProblem.Describe(error.Message, error.Offset, error.Line, error.Column);
}
