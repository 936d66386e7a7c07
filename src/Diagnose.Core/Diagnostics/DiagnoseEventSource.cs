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
    public const int InputStartedId = 1;
    public const int InputFinishedId = 2;
    public const int RuleFiredId = 3;
    public const int DiagnosisId = 4;
    public const int ValidationVerdictId = 5;
    public const int AnalysisFinishedId = 6;

    public static readonly DiagnoseEventSource Log = new();

    private DiagnoseEventSource()
    {
    }

    /// <summary>Keyword sets a trace can select: --providers Diagnose:0x1 for ingest only, and so on.</summary>
    public static class Keywords
    {
        public const EventKeywords Ingest = (EventKeywords)0x1;
        public const EventKeywords Rules = (EventKeywords)0x2;
        public const EventKeywords Validation = (EventKeywords)0x4;
    }

    /// <summary>Tasks group the start and stop of one input.</summary>
    public static class Tasks
    {
        public const EventTask Input = (EventTask)1;
    }

    [Event(InputStartedId, Level = EventLevel.Informational, Keywords = Keywords.Ingest, Task = Tasks.Input, Opcode = EventOpcode.Start,
        Message = "Reading {0}")]
    public void InputStarted(string path) => WriteEvent(InputStartedId, path);

    [Event(InputFinishedId, Level = EventLevel.Informational, Keywords = Keywords.Ingest, Task = Tasks.Input, Opcode = EventOpcode.Stop,
        Message = "{0} ({1}): {2} records, {3} recovered, {4} skipped, {5} problems")]
    public void InputFinished(string path, string format, long records, long recovered, long skipped, int problems, bool unreadable)
    {
        if (IsEnabled())
        {
            WriteEvent(InputFinishedId, path, format, records, recovered, skipped, problems, unreadable);
        }
    }

    [NonEvent]
    public void InputFinished(InputSummary input) =>
        InputFinished(input.Path, input.Format, input.Records, input.Recovered, input.Skipped, input.Problems.Count, input.Unreadable);

    [Event(RuleFiredId, Level = EventLevel.Verbose, Keywords = Keywords.Rules, Message = "Rule {0} fired ({1} facts matched)")]
    public void RuleFired(string rule, int facts) => WriteEvent(RuleFiredId, rule, facts);

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
