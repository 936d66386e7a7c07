using Diagnose.Analysis;
using Diagnose.Core.Reports;
using Diagnose.Reports.Html.Layout;
using Newtonsoft.Json;

namespace Diagnose.Reports.Html.Tests;

/// <summary>
/// A refuted plan on the page: the validator's real counterexample for an article's warning (an anti-plan) is drawn
/// as a step/fault timeline, with the broken goal, every line of the trace and the refuted verdict.
/// </summary>
[TestClass]
public sealed class FixTrialTests
{
    [TestMethod]
    public async Task FixTrial_RefutedPlan_DrawsItsCounterexampleAsStepsAndFaults()
    {
        var engine = DiagnoseEngine.Load();
        var refuted = engine.Validation.ValidateAll(maxFaults: 1)
            .Where(r => r.Counterexample is not null)
            .OrderByDescending(r => r.Counterexample!.Faults.Count)
            .First();
        var c = refuted.Counterexample!;

        // The trace as the report writes it (README, "Fix validation"): steps and faults, "broken: …", the events.
        var trace = new List<string>(c.Steps) { $"broken: {c.Invariant}: {c.Detail}" };
        trace.AddRange(c.Events.Select(e => $"event: {e}"));
        var report = JsonConvert.DeserializeObject<AnalysisReport>(Incidents.Run("analyze", Incidents.Folder("Q188674-exchange-ds-restore"), "--format", "json").Out, Diagnose.Reports.ReportJson.Settings)!;
        var diagnosis = report.Diagnoses.Single();
        report.Diagnoses[0] = new DiagnosisReport
        {
            Rule = diagnosis.Rule, Kb = diagnosis.Kb, Title = diagnosis.Title, RootCause = diagnosis.RootCause, Confidence = diagnosis.Confidence,
            Nodes = diagnosis.Nodes, Evidence = diagnosis.Evidence, DerivedFacts = diagnosis.DerivedFacts,
            Fix = new FixReport
            {
                Plan = refuted.Plan, Title = refuted.Plan, Steps = diagnosis.Fix!.Steps, Warnings = diagnosis.Fix.Warnings,
                Validation = new ValidationReport { Kb = refuted.Kb, Plan = refuted.Plan, Kind = refuted.Kind, Verdict = refuted.Verdict, FaultSchedules = refuted.FaultSchedules, Trace = trace, Reason = $"{c.Invariant}: {c.Detail}" },
            },
        };

        await using var page = await WatchedPage.OpenAsync();
        await page.Page.SetContentAsync(await HtmlReport.RenderAsync(report));

        var lines = TraceLine.Read(trace);
        Assert.AreEqual("refuted", await page.Eval<string>("document.querySelector('[data-section=fix] [data-verdict]').dataset.verdict"));
        Assert.AreEqual(lines.Count(l => l.Kind == TraceLineKind.Step), await page.Eval<int>("document.querySelectorAll('svg.trace [data-trace=step]').length"));
        Assert.AreEqual(lines.Count(l => l.Kind == TraceLineKind.Fault), await page.Eval<int>("document.querySelectorAll('svg.trace [data-trace=fault]').length"));
        Assert.AreEqual(1, await page.Eval<int>("document.querySelectorAll('svg.trace [data-trace=broken]').length"));
        Assert.AreEqual(trace.Count, await page.Eval<int>("document.querySelectorAll('ol.trace-lines li').length"));
        StringAssert.Contains(await page.Eval<string>("document.querySelector('ol.trace-lines').textContent"), c.Invariant);
    }
}
