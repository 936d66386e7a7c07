using Diagnose.Core.Reports;
using Diagnose.Knowledge.Articles;
using Diagnose.Simulation.Cluster;
using Diagnose.Simulation.Validation;

namespace Diagnose.Simulation.Tests;

/// <summary>
/// The validator can fail: deliberately broken plans (a redundant step, a step in the wrong place) are found by the
/// step mutants, and the verdicts say which labelled assumptions they rest on.
/// </summary>
[TestClass]
public sealed class MutantTests
{
    [TestMethod]
    public void Mutants_PlanWithARedundantStep_ShowsItsRemovalValidatedWithNoPrecaution()
    {
        var plan = Shared.Engine.Knowledge.Find("Q217147")!.Plan("restart-from-checkpoint")!;
        var redundant = new PlanStep("net-start", new Dictionary<string, string> { ["node"] = "{formingNode}", ["name"] = "clusdisk" }, "net start clusdisk, a second time");
        var padded = plan with { Steps = [.. plan.Steps.Take(7), redundant, .. plan.Steps.Skip(7)] };

        var mutants = new FixValidator { MaxFaults = 1 }.Mutants("Q217147", padded, Shared.PlanCase("Q217147", plan.Id));

        var removal = mutants.Single(m => m.Step == 8);
        Assert.AreEqual(Verdict.Validated, removal.Verdict, "the second net start clusdisk changes nothing");
        Assert.IsNull(removal.Precaution, "and kb/ gives no reason to keep it: the report shows it as redundant");
        Assert.AreEqual(Verdict.Validated, mutants.Single(m => m.Step == 7).Verdict, "either copy can go while the other stays");
        Assert.AreEqual(padded.Steps.Count + padded.Steps.Count - 1, mutants.Count);
    }

    [TestMethod]
    public void Mutants_StartBeforeClusDiskSwapped_RefutedAndCommutingStepsValidated()
    {
        var plan = Shared.Engine.Knowledge.Find("Q217147")!.Plan("restart-from-checkpoint")!;

        var mutants = new FixValidator { MaxFaults = 1 }.Mutants("Q217147", plan, Shared.PlanCase("Q217147", plan.Id));

        var startBeforeDisk = mutants.Single(m => m.Swap is [7, 8]);
        Assert.AreEqual(Verdict.Refuted, startBeforeDisk.Verdict);
        Assert.AreEqual(Invariants.ResourcesOnline, startBeforeDisk.Invariant);
        Assert.AreEqual(Verdict.Validated, mutants.Single(m => m.Swap is [3, 4]).Verdict, "the two start types commute");
        Assert.AreEqual(Verdict.Refuted, mutants.Single(m => m.Step == 7).Verdict, "near miss of the redundant-step test: the only net start clusdisk is needed");
    }

    [TestMethod]
    public void Mutants_RemovedStepThatIsAPrecaution_CarriesTheReasonFromKb()
    {
        var plan = Shared.Engine.Knowledge.Find("Q217147")!.Plan("restart-from-checkpoint")!;
        Assert.IsNotNull(plan.Steps[0].Precaution);

        var mutants = new FixValidator { MaxFaults = 1 }.Mutants("Q217147", plan, Shared.PlanCase("Q217147", plan.Id));

        var first = mutants.Single(m => m.Step == 1);
        Assert.AreEqual(Verdict.Validated, first.Verdict);
        Assert.AreEqual(plan.Steps[0].Precaution, first.Precaution);
        Assert.IsNull(mutants.Single(m => m.Step == 6).Precaution, "a refuted removal carries no precaution");
        // Near miss: the article's last step (Cluster service back to Automatic) is no precaution; without it the start-type goal breaks.
        Assert.AreEqual(Invariants.StartTypes, mutants.Single(m => m.Step == 11).Invariant);
    }

    [TestMethod]
    public void Validate_ServicePackPlan_NamesTheAssumptionItRestsOn()
    {
        var article = Shared.Engine.Knowledge.Find("Q217147")!;
        var validator = new FixValidator { MaxFaults = 1 };

        var servicePack = validator.Validate("Q217147", article.Plan("install-service-pack-5")!, PlanKind.Plan, Shared.PlanCase("Q217147", "install-service-pack-5"));
        var restart = validator.Validate("Q217147", article.Plan("restart-from-checkpoint")!, PlanKind.Plan, Shared.PlanCase("Q217147", "restart-from-checkpoint"));

        Assert.AreEqual(Verdict.Validated, servicePack.Verdict);
        CollectionAssert.AreEqual(new[] { new AssumptionReliance(Assumption.LongRunIsOneCheckpointInterval.Name(), Verdict.Refuted) }, servicePack.Assumptions);
        Assert.IsEmpty(restart.Assumptions, "near miss: the checkpoint restart rests on sources alone");
    }

    [TestMethod]
    public void ValidateAll_WithMutants_IsTheSameForTheSameSeed()
    {
        string Json() => Newtonsoft.Json.JsonConvert.SerializeObject(Shared.Engine.Validation.ValidateAll(maxFaults: 1, mutants: true));

        Assert.AreEqual(Json(), Json());
    }
}
