using Diagnose.Core.Reports;
using Diagnose.Knowledge.Articles;
using Diagnose.Simulation.Scenarios;
using Diagnose.Simulation.Validation;

namespace Diagnose.Simulation.Tests;

/// <summary>The articles' plans hold on the simulated cluster under faults; their warnings (anti-plans) and broken plans do not.</summary>
[TestClass]
public sealed class ValidationTests
{
    private static readonly Dictionary<string, string> AntiPlanInvariants = new()
    {
        ["fail-back-to-windows-2000"] = Invariants.Failover,
        ["online-right-after-restore"] = Invariants.ResourcesOnline,
        ["boot-both-clusdisk-manual"] = Invariants.SharedDisk,
        ["boot-b-before-a-is-down"] = Invariants.Configuration,
    };

    [TestMethod]
    public void Validate_EveryDocumentedPlan_HoldsUnderEverySingleFaultSchedule()
    {
        var validator = new FixValidator { MaxFaults = 1 };
        var plans = Shared.Engine.Knowledge.Articles.SelectMany(a => a.Plans.Select(p => (Article: a, Plan: p))).ToList();
        Assert.IsGreaterThanOrEqualTo(9, plans.Count);
        foreach (var (article, plan) in plans)
        {
            var run = Shared.PlanCase(article.Id, plan.Id);
            var result = validator.Validate(article.Id, plan, PlanKind.Plan, run);
            Assert.AreEqual(Verdict.Validated, result.Verdict, $"{article.Id} {plan.Id}: {result.Counterexample?.Invariant} {result.Counterexample?.Detail} {string.Join("; ", result.Counterexample?.Faults ?? [])}");

            // No faults, then each node's power, every node's power after each step, and each move failing once.
            var steps = run.Binding.Bind(plan.Steps);
            var nodes = run.Simulator.State.Nodes.Count;
            Assert.AreEqual(1 + (steps.Count * (nodes + 1)) + steps.Count(s => s.Operation == "move-group"), result.FaultSchedules, $"{article.Id} {plan.Id}");
        }
    }

    [TestMethod]
    public void Validate_EveryAntiPlan_IsRefutedNamingTheInvariantItBreaks()
    {
        var antiPlans = Shared.Engine.Knowledge.Articles.SelectMany(a => a.AntiPlans.Select(p => (Article: a, Plan: p))).ToList();
        CollectionAssert.AreEquivalent(AntiPlanInvariants.Keys.ToArray(), antiPlans.Select(p => p.Plan.Id).ToArray());
        foreach (var (article, plan) in antiPlans)
        {
            var result = new FixValidator().Validate(article.Id, plan, PlanKind.AntiPlan, Shared.PlanCase(article.Id, plan.Id));
            Assert.AreEqual(Verdict.Refuted, result.Verdict, $"{article.Id} {plan.Id}");
            var counterexample = result.Counterexample!;
            Assert.AreEqual(AntiPlanInvariants[plan.Id], counterexample.Invariant, $"{plan.Id}: {counterexample.Detail}");
            Assert.IsEmpty(counterexample.Faults, "the warning's steps break a goal with no fault at all");
            Assert.HasCount(plan.Steps.Count, counterexample.Steps.Where(s => char.IsDigit(s[0])).Select(s => s.Split('.')[0]).Distinct().ToList(), plan.Id);
            Assert.IsNotEmpty(counterexample.Events, $"{plan.Id}: the counterexample shows what the cluster logged");
        }
    }

    [TestMethod]
    public void Validate_AntiPlans_ShowTheArticlesSymptomEvents()
    {
        var kb = Shared.Engine.Knowledge;
        string Events(string article, string plan) => string.Join("\n", new FixValidator().Validate(article, kb.Find(article)!.AntiPlans.Single(p => p.Id == plan), PlanKind.AntiPlan, Shared.PlanCase(article, plan)).Counterexample!.Events);

        var failBack = Events("KB293302", "fail-back-to-windows-2000");
        StringAssert.Contains(failBack, "ESENT 609");
        StringAssert.Contains(failBack, "ESENT 412: wins");
        StringAssert.Contains(failBack, "Error -530");
        var online = Events("Q188674", "online-right-after-restore");
        StringAssert.Contains(online, "MSExchangeDS 1002");
        StringAssert.Contains(online, "ClusSvc 1042: Cluster generic service 'Microsoft Exchange Directory' failed.");
        StringAssert.Contains(Events("Q217147", "boot-both-clusdisk-manual"), "Ntfs 55");
    }

    [TestMethod]
    public void Validate_PlanWithCopyStepRemoved_IsRefuted()
    {
        var article = Shared.Engine.Knowledge.Find("Q217147")!;
        var plan = article.Plan("restart-from-checkpoint")!;
        var broken = plan with { Steps = plan.Steps.Where(s => s.Operation != "copy-file").ToList() };

        var result = new FixValidator().Validate("Q217147", broken, PlanKind.Plan, Shared.PlanCase("Q217147", plan.Id));

        Assert.AreEqual(Verdict.Refuted, result.Verdict);
        Assert.AreEqual(Invariants.ResourcesOnline, result.Counterexample!.Invariant, result.Counterexample.Detail);
        Assert.IsEmpty(result.Counterexample.Faults);
        StringAssert.Contains(string.Join("\n", result.Counterexample.Events), "The error code was 1009", "the cluster service fails on the empty Clusdb");
    }

    [TestMethod]
    public void Validate_PlanWithNetStartsSwapped_IsRefuted()
    {
        // net start clussvc before net start clusdisk: the service cannot reach the cluster disks and stops.
        var plan = Shared.Engine.Knowledge.Find("Q217147")!.Plan("restart-from-checkpoint")!;
        var steps = plan.Steps.ToList();
        var disk = steps.FindIndex(s => s.Operation == "net-start" && s.Arguments["name"] == "clusdisk");
        Assert.AreEqual("clussvc", steps[disk + 1].Arguments["name"]);
        (steps[disk], steps[disk + 1]) = (steps[disk + 1], steps[disk]);

        var result = new FixValidator().Validate("Q217147", plan with { Steps = steps }, PlanKind.Plan, Shared.PlanCase("Q217147", plan.Id));

        Assert.AreEqual(Verdict.Refuted, result.Verdict);
        Assert.AreEqual(Invariants.ResourcesOnline, result.Counterexample!.Invariant, result.Counterexample.Detail);
        StringAssert.Contains(string.Join("\n", result.Counterexample.Events), "The error code was 1167");
    }

    [TestMethod]
    public void Validate_ClusdbRecoveryWithStartBeforeShutdown_IsRefutedAsARollback()
    {
        // The article's warning in plan form: node B started (and its service started) while node A still runs the old database.
        var plan = Shared.Engine.Knowledge.Find("Q217147")!.Plan("restart-from-clusdb")!;
        var steps = plan.Steps.ToList();
        var shutdown = steps.FindIndex(s => s.Operation == "power-off" && s.Arguments["node"] == "{otherNode}");
        steps.Add(steps[shutdown]);
        steps.RemoveAt(shutdown);

        var result = new FixValidator().Validate("Q217147", plan with { Steps = steps }, PlanKind.Plan, Shared.PlanCase("Q217147", plan.Id));

        Assert.AreEqual(Verdict.Refuted, result.Verdict);
        Assert.AreEqual(Invariants.Configuration, result.Counterexample!.Invariant, result.Counterexample.Detail);
    }

    [TestMethod]
    public void Validate_FinishUpgradeWithoutTheUpgrade_IsRefutedOnFailover()
    {
        // Without upgrading the Windows 2000 node, the groups cannot run there: failover to every owner breaks.
        var plan = Shared.Engine.Knowledge.Find("KB293302")!.Plan("finish-rolling-upgrade")!;
        var broken = plan with { Steps = plan.Steps.Where(s => s.Operation != "upgrade-node-os").ToList() };

        var result = new FixValidator().Validate("KB293302", broken, PlanKind.Plan, Shared.PlanCase("KB293302", plan.Id));

        Assert.AreEqual(Verdict.Refuted, result.Verdict);
        Assert.AreEqual(Invariants.Failover, result.Counterexample!.Invariant);
    }

    [TestMethod]
    public void ValidateAll_WithPairwiseFaults_ValidatesPlansAndRefutesAntiPlans()
    {
        var results = Shared.Engine.Validation.ValidateAll();

        foreach (var r in results)
        {
            Assert.AreEqual(r.Kind == PlanKind.Plan ? Verdict.Validated : Verdict.Refuted, r.Verdict, $"{r.Kb} {r.Plan}: {r.Counterexample?.Invariant} {r.Counterexample?.Detail} {string.Join("; ", r.Counterexample?.Faults ?? [])}");
        }

        var restart = results.Single(r => r.Plan == "restart-from-checkpoint");
        var singles = restart.FaultSchedules;
        Assert.IsGreaterThan(100, singles, "pairs of faults are run too");
    }

    [TestMethod]
    public void Validate_BackupRestoreOnItsIncident_EveryCopyDamaged_IsValidatedListingTheIncidentsAssumption()
    {
        // Q217147's note: "If both Clusdb files and the checkpoint file are corrupted, start from the most recent backup".
        var article = Shared.Engine.Knowledge.Find("Q217147")!;
        var state = Shared.PlanCase("Q217147", "restore-from-backup").Simulator.State;
        Assert.IsTrue(state.Nodes.All(n => !n.Clusdb.Usable), "the incident: no node has a valid Clusdb");
        Assert.IsTrue(state.Quorum.Checkpoints.All(c => !c.Consistent), "the incident: no checkpoint is valid (older ones are not kept)");

        var result = Shared.Engine.Validation.Validate(article, article.Plan("restore-from-backup")!, PlanKind.Plan, new PlanIncidentSource(), maxFaults: 1);

        Assert.AreEqual(Verdict.Validated, result.Verdict, $"{result.Counterexample?.Invariant} {result.Counterexample?.Detail}");
        CollectionAssert.AreEqual(new[] { "the incident switches off assumption older-checkpoints-stay" }, result.IncidentAssumptions.ToArray());
    }

    [TestMethod]
    public void Validate_BackupRestoreWhileAnOlderCheckpointIsValid_IsRefutedNamingThatCheckpoint()
    {
        // The same incident with the simulator's default: older checkpoints stay, and one is valid and newer than the backup.
        var incident = Shared.Engine.Knowledge.Find("Q217147")!.Incidents.Single(i => i.Id == "Q217147-all-damaged");
        var kept = incident with { Assumptions = new Dictionary<string, bool> { ["older-checkpoints-stay"] = true } };
        var run = IncidentInterpreter.Run(kept, kept.Id, "Q217147", Shared.Engine.Events, new ScenarioOptions(1, 2, Noise: 0, UntilIncident: true)).Case;
        var state = run.Simulator.State;
        var backup = state.Backups.Where(b => b.What == "clusdb").Max(b => b.Version);
        var older = state.Quorum.Checkpoints.Where(c => c.Consistent).MaxBy(c => c.ConfigVersion)!;
        Assert.IsFalse(state.Quorum.Latest!.Consistent, "the incident: the newest checkpoint is inconsistent");
        Assert.IsTrue(state.Nodes.All(n => !n.Clusdb.Usable), "the incident: no node has a valid Clusdb");
        Assert.IsGreaterThan(backup, older.ConfigVersion, "an older checkpoint holds a newer configuration than the backup");

        var result = new FixValidator { MaxFaults = 1 }.Validate("Q217147", Shared.Engine.Knowledge.Find("Q217147")!.Plan("restore-from-backup")!, PlanKind.Plan, run);

        Assert.AreEqual(Verdict.Refuted, result.Verdict);
        Assert.AreEqual(Invariants.Configuration, result.Counterexample!.Invariant);
        Assert.IsEmpty(result.Counterexample.Faults, "lost without any fault");
        StringAssert.Contains(result.Counterexample.Detail, $"older than version {older.ConfigVersion} that checkpoint {older.File} (an older one: assumption older-checkpoints-stay) held");
        CollectionAssert.AreEqual(new[] { new AssumptionReliance("older-checkpoints-stay", Verdict.Validated) }, result.Assumptions, "with only the newest checkpoint kept, the backup is the newest valid copy");
    }

    [TestMethod]
    public void Validate_CheckpointRestartLeavingTheClusterServiceOnManual_IsRefutedOnStartTypes()
    {
        // Without the article's last step (13), node A keeps its Cluster service on manual: it would not rejoin after a restart.
        var plan = Shared.Engine.Knowledge.Find("Q217147")!.Plan("restart-from-checkpoint")!;
        var broken = plan with { Steps = plan.Steps.Take(plan.Steps.Count - 1).ToList() };
        Assert.AreEqual("automatic", plan.Steps[^1].Arguments["start"]);

        var result = new FixValidator { MaxFaults = 0 }.Validate("Q217147", broken, PlanKind.Plan, Shared.PlanCase("Q217147", plan.Id));
        var whole = new FixValidator { MaxFaults = 0 }.Validate("Q217147", plan, PlanKind.Plan, Shared.PlanCase("Q217147", plan.Id));

        Assert.AreEqual(Verdict.Refuted, result.Verdict);
        Assert.AreEqual(Invariants.StartTypes, result.Counterexample!.Invariant);
        StringAssert.Contains(result.Counterexample.Detail, "the Cluster service manual");
        Assert.AreEqual(Verdict.Validated, whole.Verdict, "with the step, every node starts the cluster at boot again");
    }

    [TestMethod]
    public void Validate_MissingPlaceholder_IsNotValidatedWithTheReason()
    {
        var plan = new FixPlan { Id = "x", Title = "x", Steps = [new PlanStep("power-off", new Dictionary<string, string> { ["node"] = "{nobody}" }, "turn off")] };

        var result = new FixValidator().Validate("Q217147", plan, PlanKind.Plan, Shared.PlanCase("Q217147", "restart-from-checkpoint"));

        Assert.AreEqual(Verdict.NotValidated, result.Verdict);
        StringAssert.Contains(result.Reason, "{nobody}");
    }
}
