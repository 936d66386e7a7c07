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

    // A JET-backed group converted on a newer node and moved back to an older one, as data.
    private const string Cluster = """
        "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z",
          "groups": [ { "name": "G", "resources": [ { "name": "R", "type": "WINS Service", "service": "WINS", "database": "wins", "failedEvent": "wins.cannot-start" } ] },
                      { "name": "H", "resources": [ { "name": "S", "type": "DHCP Service", "service": "DHCPServer", "database": "dhcp", "failedEvent": "dhcp.jet-error" } ] } ],
          "databases": [ { "instance": "wins", "path": "Q:\\wins.mdb" }, { "instance": "dhcp", "path": "Q:\\dhcp.mdb" } ] }
        """;

    private const string Upgraded = $$"""
        { "id": "X1-upgraded", "diagnosed": true, "description": "d", {{Cluster}},
          "roles": { "olderNode": {}, "newerNode": {} },
          "sets": { "olderNodes": { "nodesExcept": ["newerNode"] }, "group": { "groups": ["G", "H"] } },
          "choices": { "failing": { "groups": ["G", "H"] } },
          "operations": [
            { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" },
            { "op": "move-group", "args": { "group": "{group}", "to": "{olderNode}" }, "text": "t" },
            { "op": "upgrade-node-os", "args": { "node": "{newerNode}", "os": "Windows Server 2003" }, "text": "t" },
            { "op": "move-group", "args": { "group": "{failing}", "to": "{newerNode}" }, "text": "t" },
            { "op": "move-group", "args": { "group": "{failing}", "to": "{olderNode}" }, "text": "t" } ] }
        """;

    [TestMethod]
    public void Validate_PlansNamingADeclaredIncident_RunOnThatIncidentAndControlsGiveNoDiagnosis()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Sub("X1.json"), Article("X1", Plan, Upgraded + $$"""
            , { "id": "X1-healthy", "description": "d", {{Cluster}}, "roles": { "first": {} },
                "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" }, { "op": "move-group", "args": { "group": "G", "to": "{first}" }, "text": "t" } ] }
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
        File.WriteAllText(temp.Sub("X1.json"), Article("X1", Plan, Upgraded.Replace("X1-upgraded", "X1-other", StringComparison.Ordinal)));

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
        File.WriteAllText(temp.Sub("X1.json"), Article("X1", Plan, Upgraded));
        File.WriteAllText(temp.Sub("X2.json"), Article("X2", Plan, Upgraded));

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
        StringAssert.Contains(result.Reason, "no incident model 'tape-library-jam': expected directory-online-restore or quorum-power-failure");
    }

    [TestMethod]
    [DataRow("""{ "id": "X1-upgraded", "model": "jet-rolling-upgrade", "diagnosed": true, "description": "d", "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z" }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "either a 'model' or 'operations'")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "needs a 'cluster' with 'os' and 'start'")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z" }, "operations": [ { "op": "unplug-everything", "args": {}, "text": "t" } ] }""", "unknown operation 'unplug-everything' in incident 'X1-upgraded'")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z" }, "operations": [ { "op": "wait", "args": {}, "text": "t" } ] }""", "step 1 of incident 'X1-upgraded' (wait) needs argument(s) 'hours'")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z", "groups": [ { "name": "G", "resources": [ { "name": "R", "type": "T", "database": "ledger" } ] } ] }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "resource 'R' opens database 'ledger', which 'cluster.databases' does not declare")]
    [DataRow("""{ "id": "X1-upgraded", "diagnosed": true, "description": "d", "cluster": { "os": "Windows 2000", "start": "2024-01-01T00:00:00Z", "flavour": "x" }, "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }""", "flavour")]
    public void Load_IncidentWrittenAsOperationsWithAMistake_IsReportedAndTheArticleRefused(string incident, string expected)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Sub("X1.json"), Article("X1", Plan, incident));

        var (knowledge, problems) = ArticleLoader.Load([temp.Path]);

        Assert.IsEmpty(knowledge.Articles);
        Assert.IsTrue(problems.Any(p => p.Message.Contains(expected, StringComparison.Ordinal) && p.Line > 0), string.Join("; ", problems.Select(p => $"{p.Line}: {p.Message}")));
    }

    [TestMethod]
    [DataRow("""{ "olderNode": {} }""", """{ "others": { "nodesExcept": ["olderNode"], "groups": ["G"] } }""", "{}", "set 'others' needs exactly one of 'nodesExcept'")]
    [DataRow("""{ "olderNode": {} }""", """{ "others": { "nodesExcept": ["ghost"] } }""", "{}", "set 'others' leaves out role 'ghost', which 'roles' does not declare")]
    [DataRow("""{ "olderNode": {} }""", """{ "others": { "nodesBut": ["olderNode"] } }""", "{}", "nodesBut")]
    [DataRow("""{ "olderNode": {} }""", """{ "olderNode": { "groups": ["G"] } }""", "{}", "the placeholder {olderNode} is already a role")]
    [DataRow("""{ "olderNode": {} }""", "{}", """{ "failing": { "groups": ["G", "Z"] } }""", "'choices.failing' names group 'Z', which 'cluster.groups' does not declare")]
    [DataRow("""{ "olderNode": {} }""", "{}", """{ "failing": { "groups": ["G"], "seenIn": "JetLogUnreadable" } }""", "both 'seenIn' (a fact type) and 'databaseIn'")]
    [DataRow("""{ "olderNode": { "runs": 2003 } }""", "{}", "{}", "runs")]
    [DataRow("""{ "olderNode": { "seenOn": "JetLogUnreadable" } }""", "{}", "{}", "seenOn")]
    public void Load_IncidentSetsChoicesAndRolesWithAMistake_AreReportedWithTheirLine(string roles, string sets, string choices, string expected)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Sub("X1.json"), Article("X1", Plan, $$"""
            { "id": "X1-upgraded", "diagnosed": true, "description": "d", {{Cluster}},
              "roles": {{roles}}, "sets": {{sets}}, "choices": {{choices}},
              "operations": [ { "op": "power-on", "args": { "node": "{nodes}" }, "text": "t" } ] }
            """));

        var (knowledge, problems) = ArticleLoader.Load([temp.Path]);

        Assert.IsEmpty(knowledge.Articles);
        Assert.IsTrue(problems.Any(p => p.Message.Contains(expected, StringComparison.Ordinal) && p.Line > 1), string.Join("; ", problems.Select(p => $"{p.Line}: {p.Message}")));
    }

    [TestMethod]
    public void Simulate_IncidentWithSetsAndAChoice_SetsLeaveOutTheirRolesAndTheSeedPicksEachGroup()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Sub("X1.json"), Article("X1", Plan, Upgraded));
        var (knowledge, problems) = ArticleLoader.Load([temp.Path]);
        Assert.IsEmpty(problems, string.Join("; ", problems.Select(p => p.Message)));
        var scenario = new FixValidation(knowledge, Shared.Engine.Events).Scenarios.Find("X1-upgraded")!;

        var picked = new HashSet<string>(StringComparer.Ordinal);
        for (var seed = 1; seed <= 12; seed++)
        {
            var run = scenario.Run(new ScenarioOptions(seed, Noise: 0));
            var values = run.Binding.Values;
            var nodes = run.Simulator.State.Nodes.Select(n => n.Name).ToList();
            CollectionAssert.AreEqual(nodes.Where(n => n != values["newerNode"][0]).ToList(), values["olderNodes"].ToList(), $"seed {seed}");
            CollectionAssert.AreEqual(new[] { "G", "H" }, values["group"].ToArray());
            var failing = values["failing"].Single();
            picked.Add(failing);

            // The chosen group was converted on the newer node and failed back there; the other one never left the older node.
            Assert.AreEqual(values["newerNode"][0], run.Simulator.Group(failing).Owner, $"seed {seed}");
            Assert.AreEqual(values["olderNode"][0], run.Simulator.Group(failing == "G" ? "H" : "G").Owner, $"seed {seed}");
        }

        CollectionAssert.AreEquivalent(new[] { "G", "H" }, picked.ToArray(), "the seed picks either group");
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

    private static string Article(string id, string plan, string incidents) => $$"""
        {
          "id": "{{id}}", "title": "t", "summary": "s", "cause": "c",
          "plans": [ {{plan}} ],
          "incidents": [ {{incidents}} ]
        }
        """;
}
