using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Diagnose.Core.Diagnostics;
using Diagnose.Simulation.Validation;

namespace Diagnose.Simulation.Tests;

/// <summary>Each validation writes one ValidationVerdict event (not one per fault schedule) with the verdict it returned.</summary>
[TestClass]
public sealed class ValidationEventTests
{
    [TestMethod]
    public void Validate_OnePlan_WritesOneValidationVerdictEvent()
    {
        var article = Shared.Engine.Knowledge.Find("Q188674")!;
        var documented = article.Plans[0];
        var anti = article.AntiPlans[0];

        // Plan ids unique to this test, so validations running in parallel tests are not counted.
        var tag = Guid.NewGuid().ToString("N");
        var plan = documented with { Id = "plan-" + tag };
        var warning = anti with { Id = "anti-" + tag };
        using var listener = new VerdictListener();
        var validator = new FixValidator { MaxFaults = 1 };
        var validated = validator.Validate(article.Id, plan, Diagnose.Core.Reports.PlanKind.Plan, Shared.PlanCase(article.Id, documented.Id), rule: "Q188674.restore-marker-overwritten");
        var refuted = validator.Validate(article.Id, warning, Diagnose.Core.Reports.PlanKind.AntiPlan, Shared.PlanCase(article.Id, anti.Id));

        var events = listener.Events.Where(e => ((string)e.Payload![1]!).EndsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.HasCount(2, events, "one event per validation");
        var first = events.Single(e => (string)e.Payload![1]! == plan.Id);
        Assert.AreEqual(DiagnoseEventSource.ValidationVerdictId, first.EventId);
        Assert.AreEqual("Q188674.restore-marker-overwritten", first.Payload![0]);
        Assert.AreEqual("validated", first.Payload[2]);
        Assert.AreEqual(validated.FaultSchedules, first.Payload[3]);
        Assert.IsGreaterThan(1, validated.FaultSchedules);

        var second = events.Single(e => (string)e.Payload![1]! == warning.Id);
        Assert.AreEqual("", second.Payload![0], "no diagnosis asked for this one");
        Assert.AreEqual("refuted", second.Payload[2]);
        Assert.AreEqual($"{refuted.Counterexample!.Invariant}: {refuted.Counterexample.Detail}", second.Payload[4]);
    }

    private sealed class VerdictListener : EventListener
    {
        public ConcurrentQueue<EventWrittenEventArgs> Events { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Diagnose")
            {
                EnableEvents(eventSource, EventLevel.Informational, DiagnoseEventSource.Keywords.Validation);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventId == DiagnoseEventSource.ValidationVerdictId)
            {
                Events.Enqueue(eventData);
            }
        }
    }
}
