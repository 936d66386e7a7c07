using System.Globalization;
using System.Text;
using Diagnose.Core.Reports;

namespace Diagnose.Reports;

/// <summary>The report as Markdown, to paste into a support ticket.</summary>
public static class MarkdownReport
{
    /// <summary>The whole report as one Markdown document under a "Diagnose report" heading, one section per diagnosis.</summary>
    public static string Write(AnalysisReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("# Diagnose report").AppendLine();
        if (report.Diagnoses.Count == 0)
        {
            md.AppendLine("No known root cause was found in these inputs.").AppendLine();
        }

        foreach (var d in report.Diagnoses)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"## {d.Kb}: {d.Title}").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"**Root cause** ({d.Confidence:P0} confidence, rule `{d.Rule}`): {d.RootCause}").AppendLine();
            if (d.ConfidenceBasis is { } basis)
            {
                md.AppendLine("**Confidence basis:**").AppendLine();
                foreach (var line in EvidenceWording.Basis(basis))
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
                }

                md.AppendLine();
            }

            foreach (var c in d.Competing ?? [])
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"**Competing cause:** `{c.Rule}`; separated by: {c.SeparatedBy}").AppendLine();
            }

            foreach (var o in d.Order ?? [])
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"**Order across nodes** ({o.Outcome}): {Escape(o.Text)}").AppendLine();
            }

            md.AppendLine(CultureInfo.InvariantCulture, $"**Nodes:** {string.Join(", ", d.Nodes)}").AppendLine();
            md.AppendLine("**Evidence**").AppendLine();
            md.AppendLine("| role | source | record | event | time (UTC) | node |");
            md.AppendLine("|---|---|---|---|---|---|");
            foreach (var e in d.Evidence)
            {
                var what = e.EventId is int id ? $"{e.Provider} {id}" : $"{e.Fact}: {e.Value}";
                md.AppendLine(CultureInfo.InvariantCulture, $"| {e.Role} | `{e.Source}` | {Position(e.Record, e.Line)} | {Escape(what)} | {e.Time} | {e.Node} |");
            }

            md.AppendLine();
            foreach (var f in d.DerivedFacts)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- derived `{f.Type}` by `{f.Rule}`: {string.Join(", ", f.Fields.Select(kv => $"{kv.Key}={kv.Value}"))}");
            }

            if (d.Fix is { } fix)
            {
                md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"**Fix** (`{fix.Plan}`): {fix.Title}").AppendLine();
                for (var i = 0; i < fix.Steps.Count; i++)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {fix.Steps[i]}");
                }

                md.AppendLine();
                foreach (var warning in fix.Warnings)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"> **Warning:** {warning}");
                }

                if (fix.Validation is { } v)
                {
                    var held = v.Verdict == Verdict.Validated ? $", {v.FaultSchedules} fault schedules held" : "";
                    md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"**Validation:** {v.Verdict.Name()}{held}{(v.Reason is null ? "" : $" ({v.Reason})")}");
                    if (v.Trace.Count > 0)
                    {
                        // The counterexample: steps and faults, the goal broken, then the events the simulated cluster logged.
                        md.AppendLine().AppendLine("<details><summary>Counterexample on the simulated cluster</summary>").AppendLine().AppendLine("```");
                        foreach (var line in v.Trace)
                        {
                            md.AppendLine(line);
                        }

                        md.AppendLine("```").AppendLine().AppendLine("</details>");
                    }
                }
            }

            md.AppendLine();
        }

        if (report.RuledOut.Count > 0)
        {
            md.AppendLine("## Ruled out").AppendLine();
            foreach (var r in report.RuledOut)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {EvidenceWording.RuledOut(r)}");
                foreach (var e in r.By)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"  - by {EvidenceWording.Evidence(e)}");
                }
            }

            md.AppendLine();
        }

        if (report.Collect.Count > 0)
        {
            md.AppendLine("## To collect").AppendLine();
            foreach (var c in report.Collect)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {EvidenceWording.Collect(c)}");
            }

            md.AppendLine();
        }

        References(md, "Benign events", report.Benign);
        References(md, "Unexplained events", report.Unexplained);
        if (report.WhyNot is { Count: > 0 } whyNot)
        {
            md.AppendLine("## Why not").AppendLine();
            foreach (var w in whyNot)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"**`{w.Rule}`** ({w.Kb}): {Escape(w.Reason)}").AppendLine();
                md.AppendLine("| # | pattern | fact | own tests pass | partial matches in | out |");
                md.AppendLine("|---|---|---|---|---|---|");
                foreach (var p in w.Patterns)
                {
                    var mark = ReferenceEquals(p, w.StoppedAt) ? " **(no match)**" : "";
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {p.Index} | {p.Kind} `{p.Alias}`{mark} | {p.Fact} | {p.Candidates} | {p.Reaching} | {p.Passing} |");
                }

                md.AppendLine();
            }
        }

        var clock = EvidenceWording.Clock(report.Clock).ToList();
        if (clock.Count > 0)
        {
            md.AppendLine("## Clock").AppendLine();
            foreach (var line in clock)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(line)}");
            }

            md.AppendLine();
        }

        md.AppendLine("## Inputs").AppendLine();
        md.AppendLine("| input | format | records | recovered | skipped | times | problems |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var input in report.Inputs)
        {
            var problems = string.Join("; ", input.Errors.Select(TextReport.Describe));
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{input.Path}` | {input.Format} | {input.Records} | {input.Recovered} | {input.Skipped} | {Escape(input.Clock ?? "")} | {Escape(problems)} |");
        }

        return md.ToString();
    }

    private static void References(StringBuilder md, string title, List<EventReference> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine();
        foreach (var e in events)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {e.Provider} {e.EventId} on {e.Node} at {e.Time} (`{e.Source}` {Position(e.Record, e.Line)}): {e.Reason}");
        }

        md.AppendLine();
    }

    private static string Position(long? record, int? line) =>
        record is long r ? $"#{r}" : line is int l ? $"line {l}" : "";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
