using System.Diagnostics.Tracing;
using Diagnose.Core.Inputs;
using Diagnose.Core.Reports;

namespace Diagnose.Core.Diagnostics;

/// <summary>
/// Diagnose's own trace events, provider name "Diagnose": what each input gave, which rules fired,
/// what was diagnosed, and fix-validation verdicts. Trace it with
/// <c>dotnet-trace collect --providers Diagnose -- diagnose analyze …</c>. It lives in Core because
/// ingest and the engine both write to it. Event IDs are part of the contract: never reuse one.
/// </summary>
[EventSource(Name = "Diagnose")]
public sealed class DiagnoseEventSource : EventSource
{
    /// <summary>Event ID of <see cref="InputStarted"/>.</summary>
    public const int InputStartedId = 1;
    /// <summary>Event ID of <see cref="InputFinished(string, string, long, long, long, int, bool)"/>.</summary>
    public const int InputFinishedId = 2;
    /// <summary>Event ID of <see cref="RuleFired"/>.</summary>
    public const int RuleFiredId = 3;
    /// <summary>Event ID of <see cref="Diagnosis"/>.</summary>
    public const int DiagnosisId = 4;
    /// <summary>Event ID of <see cref="ValidationVerdict"/>.</summary>
    public const int ValidationVerdictId = 5;
    /// <summary>Event ID of <see cref="AnalysisFinished"/>.</summary>
    public const int AnalysisFinishedId = 6;

    /// <summary>The one instance every part of Diagnose writes to.</summary>
    public static readonly DiagnoseEventSource Log = new();

    private DiagnoseEventSource()
    {
    }

    /// <summary>Keyword sets a trace can select: --providers Diagnose:0x1 for ingest only, and so on.</summary>
    public static class Keywords
    {
        /// <summary>Input started and finished events.</summary>
        public const EventKeywords Ingest = (EventKeywords)0x1;
        /// <summary>Rule firings, diagnoses and analysis totals.</summary>
        public const EventKeywords Rules = (EventKeywords)0x2;
        /// <summary>Fix-validation verdicts.</summary>
        public const EventKeywords Validation = (EventKeywords)0x4;
    }

    /// <summary>Tasks group the start and stop of one input.</summary>
    public static class Tasks
    {
        /// <summary>One input read, from its start event to its stop event.</summary>
        public const EventTask Input = (EventTask)1;
    }

    /// <summary>Start of reading one input (a file path or stream name).</summary>
    [Event(InputStartedId, Level = EventLevel.Informational, Keywords = Keywords.Ingest, Task = Tasks.Input, Opcode = EventOpcode.Start,
        Message = "Reading {0}")]
    public void InputStarted(string path) => WriteEvent(InputStartedId, path);

    /// <summary>End of reading one input: its detected format, the counts of records read, recovered and skipped, how many problems, and whether nothing could be read.</summary>
    [Event(InputFinishedId, Level = EventLevel.Informational, Keywords = Keywords.Ingest, Task = Tasks.Input, Opcode = EventOpcode.Stop,
        Message = "{0} ({1}): {2} records, {3} recovered, {4} skipped, {5} problems")]
    public void InputFinished(string path, string format, long records, long recovered, long skipped, int problems, bool unreadable)
    {
        if (IsEnabled())
        {
            WriteEvent(InputFinishedId, path, format, records, recovered, skipped, problems, unreadable);
        }
    }

    /// <summary>Writes the end of reading one input from its summary.</summary>
    [NonEvent]
    public void InputFinished(InputSummary input) =>
        InputFinished(input.Path, input.Format, input.Records, input.Recovered, input.Skipped, input.Problems.Count, input.Unreadable);

    /// <summary>A rule fired, with the number of facts its match bound.</summary>
    [Event(RuleFiredId, Level = EventLevel.Verbose, Keywords = Keywords.Rules, Message = "Rule {0} fired ({1} facts matched)")]
    public void RuleFired(string rule, int facts) => WriteEvent(RuleFiredId, rule, facts);

    /// <summary>One diagnosis: the rule, its article, its confidence, the nodes, the fix plan and that plan's verdict.</summary>
    [Event(DiagnosisId, Level = EventLevel.Informational, Keywords = Keywords.Rules,
        Message = "{1} by rule {0} (confidence {2}) on {3}; fix {4}: {5}")]
    public void Diagnosis(string rule, string kb, double confidence, string nodes, string plan, string verdict)
    {
        if (IsEnabled())
        {
            WriteEvent(DiagnosisId, rule, kb, confidence, nodes, plan, verdict);
        }
    }

    /// <summary>For the fix validator: one verdict on a plan after its fault schedules ran.</summary>
    [Event(ValidationVerdictId, Level = EventLevel.Informational, Keywords = Keywords.Validation,
        Message = "Plan {1} for rule {0}: {2} after {3} fault schedules ({4})")]
    public void ValidationVerdict(string rule, string plan, string verdict, int faultSchedules, string reason)
    {
        if (IsEnabled())
        {
            WriteEvent(ValidationVerdictId, rule, plan, verdict, faultSchedules, reason);
        }
    }

    /// <summary>The totals of one finished analysis.</summary>
    [Event(AnalysisFinishedId, Level = EventLevel.Informational, Keywords = Keywords.Rules,
        Message = "Analysis of {0} inputs: {1} diagnoses, {2} benign, {3} unexplained")]
    public void AnalysisFinished(int inputs, int diagnoses, int benign, int unexplained)
    {
        if (IsEnabled())
        {
            WriteEvent(AnalysisFinishedId, inputs, diagnoses, benign, unexplained);
        }
    }

    /// <summary>The diagnoses and totals of one finished report.</summary>
    [NonEvent]
    public void Reported(AnalysisReport report)
    {
        if (!IsEnabled())
        {
            return;
        }

        foreach (var d in report.Diagnoses)
        {
            Diagnosis(d.Rule, d.Kb, d.Confidence, string.Join(",", d.Nodes), d.Fix?.Plan ?? "", d.Fix?.Validation?.Verdict.Name() ?? "");
        }

        AnalysisFinished(report.Inputs.Count, report.Diagnoses.Count, report.Benign.Count, report.Unexplained.Count);
    }
}
