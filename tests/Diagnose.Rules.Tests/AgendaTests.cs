using Diagnose.Rules.Engine;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Tests;

/// <summary>The agenda's firing order on its own: salience, then recency, then rule order, then the newest activation.</summary>
[TestClass]
public sealed class AgendaTests
{
    [TestMethod]
    public void Next_HigherPriority_ComesFirstEvenWithAnOlderFact()
    {
        using var e = Rules(out var high, out var low, out _);
        var agenda = new Agenda();
        agenda.Add(Activation(low, e, factId: 9, order: 1, sequence: 2));
        agenda.Add(Activation(high, e, factId: 1, order: 0, sequence: 1));
        Assert.AreEqual("high", agenda.Next()!.Rule.Id);
        Assert.AreEqual("low", agenda.Next()!.Rule.Id);
        Assert.IsNull(agenda.Next());
    }

    [TestMethod]
    public void Next_EqualPriority_MostRecentMatchFirst()
    {
        using var e = Rules(out _, out var low, out var alsoLow);
        var agenda = new Agenda();
        agenda.Add(Activation(low, e, factId: 3, order: 1, sequence: 1));
        agenda.Add(Activation(alsoLow, e, factId: 7, order: 2, sequence: 2));
        Assert.AreEqual("also-low", agenda.Next()!.Rule.Id, "the newer fact wins among equal priorities");
    }

    [TestMethod]
    public void Next_EqualPriorityAndRecency_RuleOrderThenNewestActivation()
    {
        using var e = Rules(out _, out var low, out var alsoLow);
        var agenda = new Agenda();
        var older = Activation(alsoLow, e, factId: 5, order: 2, sequence: 1);
        var newer = Activation(alsoLow, e, factId: 5, order: 2, sequence: 3);
        agenda.Add(older);
        agenda.Add(newer);
        agenda.Add(Activation(low, e, factId: 5, order: 1, sequence: 2));
        Assert.AreEqual("low", agenda.Next()!.Rule.Id, "the rule written first");
        Assert.AreSame(newer, agenda.Next());
        Assert.AreSame(older, agenda.Next());
    }

    [TestMethod]
    public void Next_WithdrawnActivation_IsSkipped()
    {
        using var e = Rules(out var high, out var low, out _);
        var agenda = new Agenda();
        var withdrawn = Activation(high, e, factId: 1, order: 0, sequence: 1);
        agenda.Add(withdrawn);
        agenda.Add(Activation(low, e, factId: 1, order: 1, sequence: 2));
        withdrawn.State = ActivationState.Withdrawn;
        Assert.AreEqual(1, agenda.Pending.Count());
        Assert.AreEqual("low", agenda.Next()!.Rule.Id);
        Assert.IsNull(agenda.Next());
    }

    private static Engine Rules(out Rule high, out Rule low, out Rule alsoLow)
    {
        var e = new Engine(
            """{"id": "high", "title": "t", "priority": 5, "when": [{"fact": "Ev", "as": "a"}], "then": [{"diagnose": {"rootCause": "h"}}]}""",
            """{"id": "low", "title": "t", "when": [{"fact": "Ev", "as": "a"}], "then": [{"diagnose": {"rootCause": "l"}}]}""",
            """{"id": "also-low", "title": "t", "when": [{"fact": "Ev", "as": "a"}], "then": [{"diagnose": {"rootCause": "a"}}]}""");
        high = e.Rules.Find("high")!;
        low = e.Rules.Find("low")!;
        alsoLow = e.Rules.Find("also-low")!;
        return e;
    }

    private static Activation Activation(Rule rule, Engine e, long factId, int order, long sequence)
    {
        var fact = e.Ev("N", 1, 0);
        fact.Id = factId;
        return new Activation(rule, new Fact?[] { fact }, order, sequence);
    }
}
