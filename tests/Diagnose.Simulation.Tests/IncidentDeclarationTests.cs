using Diagnose.Core.Reports;
using Diagnose.Knowledge.Loading;
using Diagnose.Simulation.Scenarios;
using Diagnose.Simulation.Validation;

namespace Diagnose.Simulation.Tests;

/// <summary>
/// Incidents are declared in an article's data (kb/ <c>incidents</c>), and a plan names the one it applies to: the
/// loader checks the references with their lines, and the validation step resolves scenarios and plans through them.
/// </summary>
[TestClass]
public sealed class IncidentDeclarationTests
{
    private const string Plan = """
        { "id": "move", "title": "t", "incident": "X1-upgraded", "steps": [
          { "op": "move-group", "args": { "group": "{group}", "to": "{newerNode}" }, "text": "move it" }
        ] },
        { "id": "move-and-upgrade", "title": "t", "incident": "X1-upgraded", "steps": [
          { "op": "move-group", "args": { "group": "{group}", "to": "{newerNode}" }, "text": "move it" },
          { "op": "upgrade-node-os", "args": { "node": "{olderNodes}", "os": "Windows Server 2003" }, "text": "upgrade" }
        ] }
        """;

    [TestMethod]
    public void Validate_PlansNamingADeclaredIncident_RunOnThatIncidentAndControlsGiveNoDiagnosis()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Sub("X1.json"), Article("X1", Plan, """
            { "id": "X1-upgraded", "model": "jet-rolling-upgrade", "variant": "incident", "diagnosed": true, "description": "d" },
            { "id": "X1-healthy", "model": "jet-rolling-upgrade", "variant": "healthy", "description": "d" }
            """));

        var (knowledge, problems) = ArticleLoader.Load([temp.Path]);

        Assert.IsEmpty(problems, string.Join("; ", problems.Select(p => p.Message)));
        var article = knowledge.Find("X1")!;
        Assert.AreEqual("X1-upgraded", article.IncidentOf(article.Plans[0])!.Id);
        var validation = new FixValidation(knowledge, Shared.Engine.Events);
        CollectionAssert.AreEqual(new[] { "X1", null }, validation.Scenarios.All.Select(s => s.Kb).ToArray());

        // On the declared incident the database is converted: moving back alone leaves the older node unusable.
        var moveOnly = validation.Validate(article, article.Plans[0], PlanKind.Plan, new PlanIncidentSource(), maxFaults: 0);
        Assert.AreEqual(Verdict.Refuted, moveOnly.Verdict);
        Assert.AreEqual(Invariants.Failover, moveOnly.Counterexample!.Invariant);
        var upgraded = validation.Validate(article, article.Plans[1], PlanKind.Plan, new PlanIncidentSource(), maxFaults: 0);
        Assert.AreEqual(Verdict.Validated, upgraded.Verdict, upgraded.Reason);
        Assert.AreEqual(("X1", "move-and-upgrade", PlanKind.Plan, 1), (upgraded.Kb, upgraded.Plan, upgraded.Kind, upgraded.FaultSchedules));
    }

    [TestMethod]
    public void Load_PlanNamingAnIncidentTheArticleDoesNotDeclare_IsReportedWithItsLine()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Sub("X1.json"), Article("X1", Plan, """
            { "id": "X1-other", "model": "jet-rolling-upgrade", "diagnosed": true, "description": "d" }
            """));

        var (knowledge, problems) = ArticleLoader.Load([temp.Path]);

        Assert.IsEmpty(knowledge.Articles);
        var problem = problems[0];
        Assert.HasCount(2, problems, "both plans name it");
        Assert.AreEqual(3, problem.Line);
        StringAssert.Contains(problem.Message, "plan 'move' names incident 'X1-upgraded', which this article does not declare: expected one of X1-other");
    }

    [TestMethod]
    public void Load_SameIncidentIdInTwoArticles_IsRefused()
    {
        using var temp = new TempFolder();
        var incident = """{ "id": "X1-upgraded", "model": "jet-rolling-upgrade", "diagnosed": true, "description": "d" }""";
        File.WriteAllText(temp.Sub("X1.json"), Article("X1", Plan, incident));
        File.WriteAllText(temp.Sub("X2.json"), Article("X2", Plan, incident));

        var (knowledge, problems) = ArticleLoader.Load([temp.Path]);

        Assert.AreEqual("X1", knowledge.Articles.Single().Id);
        StringAssert.Contains(problems.Single().Message, "incident id 'X1-upgraded' is declared by another article too");
    }

    [TestMethod]
    public void Validate_IncidentOfAModelTheSimulatorDoesNotHave_IsNotValidatedNamingTheModels()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Sub("X1.json"), Article("X1", Plan, """
            { "id": "X1-upgraded", "model": "tape-library-jam", "diagnosed": true, "description": "d" }
            """));
        var (knowledge, _) = ArticleLoader.Load([temp.Path]);
        var article = knowledge.Find("X1")!;

        var result = new FixValidation(knowledge, Shared.Engine.Events).Validate(article, article.Plans[0], PlanKind.Plan, new ScenarioSource("X1-upgraded", 3), maxFaults: 0);

        Assert.AreEqual(Verdict.NotValidated, result.Verdict);
        StringAssert.Contains(result.Reason, "no incident model 'tape-library-jam': expected jet-rolling-upgrade");
    }

    [TestMethod]
    [DataRow("""{ "id": "X1-upgraded", "model": "jet-rolling-upgrade", "diagnosed": true, "description": "d", "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z" }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "one of a 'model', 'operations'")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "needs a 'cluster' with 'os' and 'start'")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z" }, "operations": [ { "op": "unplug-everything", "args": {}, "text": "t" } ] }""", "unknown operation 'unplug-everything' in incident 'X1-upgraded'")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z" }, "operations": [ { "op": "wait", "args": {}, "text": "t" } ] }""", "step 1 of incident 'X1-upgraded' (wait) needs argument(s) 'hours'")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z", "groups": [ { "name": "G", "resources": [ { "name": "R", "type": "T", "database": "ledger" } ] } ] }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "resource 'R' opens database 'ledger', which 'cluster.databases' does not declare")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z", "flavour": "x" }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "flavour")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "cluster": { "os": "NT4 SP4", "osByNodeCount": { "five": "Windows 2000" }, "start": "2024-01-01T00:00:00Z" }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "'osByNodeCount' maps a node count (2 to 4) to an operating system; 'five'")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z", "groups": [ { "name": "G", "binds": "node", "resources": [ { "name": "R", "type": "T" } ] } ] }, "roles": { "node": {} }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "'binds' names placeholder 'node'")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z", "groups": [ { "name": "G", "resources": [ { "name": "R", "type": "Generic Service", "checkpoint": "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\X" } ] } ] }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "resource 'R' has a registry 'checkpoint', so it is a generic service: it needs a 'service'")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z", "groups": [ { "name": "G", "resources": [ { "name": "R", "type": "T", "failover": "sometimes" } ] } ] }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "failover")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z" }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ], "followUp": [ { "op": "fix-everything", "args": {}, "text": "t" } ] }""", "unknown operation 'fix-everything' in incident 'X1-upgraded' (followUp)")]
    [DataRow("""{ "id": "X1-upgraded", "model": "jet-rolling-upgrade", "diagnosed": true, "description": "d", "followUp": [ { "op": "reboot", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "has a 'followUp' but no 'operations' it follows")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "roles": { "a": { "count": "many" } }, "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z" }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "role 'a' has count 'many'")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "roles": { "a": { "of": "b" } }, "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z" }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "role 'a' is drawn from role 'b', which is neither 'nodes' nor an earlier role")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "roles": { "a": { "snapshotClusdb": ["broken"] } }, "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z" }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "role 'a' names Clusdb state 'broken'")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "assumptions": { "disks-never-fail": false }, "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z" }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "switches unknown assumption 'disks-never-fail': expected one of long-run-is-one-checkpoint-interval")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "assumptions": { "older-checkpoints-stay": "sometimes" }, "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z" }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "older-checkpoints-stay")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "reproduces": [ { "state": "quorum-colour" } ], "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z" }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "a 'state' the replay must leave as the snapshot gives it ('clusdb' or 'newest-checkpoint')")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "oneOf": [ "X1-elsewhere" ] }""", "incident 'X1-upgraded' picks from 'X1-elsewhere', which is not an incident of this article written as operations")]
    public void Load_IncidentWrittenAsOperationsWithAMistake_IsReportedAndTheArticleRefused(string incident, string expected)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Sub("X1.json"), Article("X1", Plan, incident));

        var (knowledge, problems) = ArticleLoader.Load([temp.Path]);

        Assert.IsEmpty(knowledge.Articles);
        Assert.IsTrue(problems.Any(p => p.Message.Contains(expected, StringComparison.Ordinal) && p.Line > 0), string.Join("; ", problems.Select(p => $"{p.Line}: {p.Message}")));
    }

    [TestMethod]
    public void Simulate_IncidentWrittenAsOperations_SameSeedSameRunOtherSeedOtherNamesAndTimings()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Sub("X1.json"), Article("X1", Plan, """
            { "id": "X1-upgraded", "diagnosed": true, "description": "d",
              "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z", "groups": [ { "name": "G", "resources": [ { "name": "R", "type": "Generic Service" } ] } ] },
              "roles": { "first": {}, "second": {} },
              "operations": [
                { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" },
                { "op": "move-group", "args": { "group": "G", "to": "{first}" }, "text": "t" },
                { "op": "wait", "args": { "hours": "1-100" }, "text": "t" },
                { "op": "move-group", "args": { "group": "G", "to": "{second}" }, "text": "t" } ] }
            """));
        var (knowledge, problems) = ArticleLoader.Load([temp.Path]);
        Assert.IsEmpty(problems, string.Join("; ", problems.Select(p => p.Message)));
        var scenario = new FixValidation(knowledge, Shared.Engine.Events).Scenarios.Find("X1-upgraded")!;

        var a = scenario.Run(new ScenarioOptions(4, Noise: 5));
        var again = scenario.Run(new ScenarioOptions(4, Noise: 5));
        var other = scenario.Run(new ScenarioOptions(5, Noise: 5));

        Assert.AreEqual(string.Join("\n", a.Simulator.Journal.Events), string.Join("\n", again.Simulator.Journal.Events));
        Assert.AreNotEqual((a.Simulator.State.Name, a.Simulator.Now), (other.Simulator.State.Name, other.Simulator.Now));
        Assert.AreEqual(a.Binding.Values["second"][0], a.Simulator.State.GroupOf("R")!.Owner, "the operations ran: the group ended on the second role's node");
        Assert.AreNotEqual(a.Binding.Values["first"][0], a.Binding.Values["second"][0]);
    }

    [TestMethod]
    public void Simulate_IncidentWithAFollowUp_SomeSeedsRunItAndStoppingAtTheIncidentCutsTheSameRunShort()
    {
        var scenario = Shared.Scenarios.Find("Q188674")!;
        var followed = 0;
        for (var seed = 1; seed <= 20; seed++)
        {
            var full = scenario.Run(new ScenarioOptions(seed, Noise: 12)).Simulator.Journal.Events.Select(e => $"{e.TimeUtc:o} {e.Node} {e.Provider} {e.EventId} {e.Message}").ToList();
            var cut = scenario.Run(new ScenarioOptions(seed, Noise: 12, UntilIncident: true)).Simulator.Journal.Events.Select(e => $"{e.TimeUtc:o} {e.Node} {e.Provider} {e.EventId} {e.Message}").ToList();

            CollectionAssert.AreEqual(full.Take(cut.Count).ToList(), cut, $"seed {seed}: the run that stops at the incident is the same run cut short");
            Assert.IsFalse(cut.Any(e => e.Contains("ClusSvc 1024", StringComparison.Ordinal)), $"seed {seed}: no fix before the incident's end");
            if (full.Count > cut.Count)
            {
                followed++;
                Assert.IsTrue(full.Skip(cut.Count).Any(e => e.Contains("ClusSvc 1024", StringComparison.Ordinal)), $"seed {seed}: the follow-up is the article's fix, whose online logs 1024");
            }
        }

        Assert.IsTrue(followed is > 0 and < 20, $"some seeds run the follow-up, others not ({followed} of 20)");
    }

    [TestMethod]
    public void AssumptionNames_TheLoaderAccepts_AreTheSimulatorsOwn()
    {
        CollectionAssert.AreEqual(Diagnose.Simulation.Cluster.Assumptions.All.Select(a => Diagnose.Simulation.Cluster.Assumptions.Name(a)).ToArray(), Diagnose.Knowledge.Articles.SimulatorAssumptions.Names.ToArray());
    }

    [TestMethod]
    public void Simulate_IncidentPickingAmongSituations_RunsTheOneTheSeedPicksWithRoleSets()
    {
        var scenario = Shared.Scenarios.Find("Q217147")!;
        var picked = new HashSet<string>();
        for (var seed = 1; seed <= 20; seed++)
        {
            var run = scenario.Run(new ScenarioOptions(seed, Noise: 0));
            var nodes = run.Simulator.State.Nodes.Select(n => n.Name).ToList();
            var bound = run.Binding.Values;
            Assert.AreEqual(scenario.Description, run.Description);
            if (bound.TryGetValue("goodNode", out var good))
            {
                // Outdated or inconsistent: one node kept Clusdb; every other one is in otherNode, and damaged.
                CollectionAssert.AreEquivalent(nodes.Except(good).ToArray(), bound["otherNode"].ToArray(), $"seed {seed}");
                Assert.IsTrue(run.Simulator.State.Node(good[0]).Clusdb.Usable, $"seed {seed}");
                Assert.IsTrue(bound["otherNode"].All(n => !run.Simulator.State.Node(n).Clusdb.Usable), $"seed {seed}");
                picked.Add(run.Simulator.State.Quorum.Latest!.Consistent ? "outdated" : "inconsistent");
            }
            else
            {
                Assert.IsTrue(run.Simulator.State.Nodes.All(n => !n.Clusdb.Usable), $"seed {seed}: Clusdb lost on every node");
                picked.Add(run.Simulator.State.Quorum.Latest!.Consistent ? "clusdb-damaged" : "all-damaged");
            }
        }

        CollectionAssert.AreEquivalent(new[] { "clusdb-damaged", "all-damaged", "inconsistent", "outdated" }, picked.ToArray(), "20 seeds pick each situation");
    }

    private static string Article(string id, string plan, string incidents) => $$"""
        {
          "id": "{{id}}", "title": "t", "summary": "s", "cause": "c",
          "plans": [ {{plan}} ],
          "incidents": [ {{incidents}} ]
        }
        """;
}
