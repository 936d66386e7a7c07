using Newtonsoft.Json.Linq;

namespace Diagnose.Cli.Tests;

[TestClass]
public sealed class SimulateCommandTests
{
    [TestMethod]
    public void Simulate_List_NamesEachArticlesIncidentAndTheHealthyRuns()
    {
        var (exit, output, error) = Cli.Run("simulate", "--list");

        Assert.AreEqual(0, exit, error);
        foreach (var name in new[] { "KB293302 ", "Q188674 ", "Q217147 ", "Q217147-healthy", "KB293302-healthy" })
        {
            StringAssert.Contains(output, name);
        }
    }

    [TestMethod]
    public void Simulate_ThenAnalyze_GivesTheArticlesDiagnosisWithAValidatedFix()
    {
        var folder = Path.Combine(Path.GetTempPath(), "diagnose-cli-sim-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output, error) = Cli.Run("simulate", "Q188674", "--out", folder, "--seed", "4", "--nodes", "3", "--noise", "12");
            Assert.AreEqual(0, exit, error);
            StringAssert.Contains(output, "snapshot.json");
            StringAssert.Contains(output, "_System.evtx", "EVTX is the default");

            var (analyzed, json, _) = Cli.Run("analyze", folder, "--format", "json");
            Assert.AreEqual(0, analyzed);
            var diagnosis = (JObject)((JArray)JObject.Parse(json)["diagnoses"]!).Single();
            Assert.AreEqual("Q188674", (string?)diagnosis["kb"]);
            Assert.AreEqual("validated", (string?)diagnosis["fix"]!["validation"]!["verdict"]);

            // One verdict shape: the report's validation names its article, plan and kind as `validate --format json` does.
            var validation = (JObject)diagnosis["fix"]!["validation"]!;
            Assert.AreEqual(("Q188674", (string?)diagnosis["fix"]!["plan"], "plan"), ((string?)validation["kb"], (string?)validation["plan"], (string?)validation["kind"]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void Simulate_UnknownScenarioOrBadNodeCount_ExitsOne()
    {
        Assert.AreEqual(1, Cli.Run("simulate", "Q999999", "--out", "x").Exit);
        Assert.AreEqual(1, Cli.Run("simulate", "Q188674", "--out", "x", "--nodes", "5").Exit);
        Assert.AreEqual(1, Cli.Run("simulate", "Q188674", "--out", "x", "--log-format", "csv").Exit);
    }

    [TestMethod]
    [DataRow("xml")]
    [DataRow("json")]
    public void Simulate_LogFormatXmlOrJson_WritesLogsThatAnalyzeTheSame(string format)
    {
        var folder = Path.Combine(Path.GetTempPath(), "diagnose-cli-sim-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output, error) = Cli.Run("simulate", "KB293302", "--out", folder, "--seed", "9", "--log-format", format);
            Assert.AreEqual(0, exit, error);
            Assert.IsEmpty(Directory.GetFiles(folder, "*.evtx"));
            Assert.IsNotEmpty(Directory.GetFiles(folder, $"*_System.{format}"), output);

            var (analyzed, json, _) = Cli.Run("analyze", folder, "--format", "json");
            Assert.AreEqual(0, analyzed);
            var report = JObject.Parse(json);
            Assert.IsTrue(((JArray)report["inputs"]!).Where(i => (string?)i["format"] != "snapshot").All(i => (string?)i["format"] == format), json[..Math.Min(json.Length, 2000)]);
            Assert.AreEqual("KB293302", (string?)((JArray)report["diagnoses"]!).Select(d => d["kb"]).Distinct().Single());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void Validate_AllAsJson_ListsEveryPlanAndAntiPlanWithItsVerdict()
    {
        var (exit, output, error) = Cli.Run("validate", "--all", "--format", "json");

        Assert.AreEqual(0, exit, error);
        var results = JArray.Parse(output).Cast<JObject>().ToList();
        Assert.IsGreaterThanOrEqualTo(13, results.Count);
        // restore-from-backup's incident (every copy damaged) switches off an assumption, and its verdict says so.
        var backup = results.Single(r => (string?)r["plan"] == "restore-from-backup");
        CollectionAssert.AreEqual(new[] { "the incident switches off assumption older-checkpoints-stay" }, backup["incidentAssumptions"]!.Values<string>().ToArray());
        foreach (var r in results)
        {
            var kind = (string?)r["kind"];
            Assert.AreEqual(kind == "plan" ? "validated" : "refuted", (string?)r["verdict"], $"{r["kb"]} {r["plan"]}");
            Assert.IsGreaterThan(0, (int)r["faultSchedules"]!);
            if (kind == "anti-plan")
            {
                var counterexample = (JObject)r["counterexample"]!;
                foreach (var key in new[] { "steps", "faults", "invariant", "events" })
                {
                    Assert.IsNotNull(counterexample[key], key);
                }
            }
        }
    }

    [TestMethod]
    public void Validate_AllWithMutants_EveryRemovalRefutedOrAPrecautionAndEverySwapListed()
    {
        var (exit, output, error) = Cli.Run("validate", "--all", "--mutants", "--format", "json");

        Assert.AreEqual(0, exit, error);
        var results = JArray.Parse(output).Cast<JObject>().ToList();
        var kb = Diagnose.Analysis.DiagnoseEngine.Load().Knowledge;
        foreach (var r in results)
        {
            var plan = kb.Find((string)r["kb"]!)!.Plans.SingleOrDefault(p => p.Id == (string?)r["plan"]);
            if ((string?)r["kind"] != "plan")
            {
                Assert.IsNull(r["mutants"], "anti-plans have no mutants");
                continue;
            }

            var mutants = ((JArray)r["mutants"]!).Cast<JObject>().ToList();
            var removals = mutants.Where(m => m["step"] is not null).ToList();
            var swaps = mutants.Where(m => m["swap"] is not null).ToList();
            CollectionAssert.AreEqual(Enumerable.Range(1, plan!.Steps.Count).ToArray(), removals.Select(m => (int)m["step"]!).ToArray(), plan.Id);
            CollectionAssert.AreEqual(Enumerable.Range(1, plan.Steps.Count - 1).ToArray(), swaps.Select(m => (int)m["swap"]![0]!).ToArray(), plan.Id);
            foreach (var m in removals)
            {
                var verdict = (string?)m["verdict"];
                if (verdict == "validated")
                {
                    Assert.IsFalse(string.IsNullOrWhiteSpace((string?)m["precaution"]), $"{plan.Id} step {m["step"]} is redundant: remove it or give its precaution in kb/");
                }
                else
                {
                    Assert.AreEqual("refuted", verdict, $"{plan.Id} without step {m["step"]}");
                    Assert.IsNotNull(m["invariant"], $"{plan.Id} without step {m["step"]}");
                }
            }
        }

        // A step the plan cannot do without: the copy of the checkpoint over Clusdb.
        var restart = results.Single(r => (string?)r["plan"] == "restart-from-checkpoint");
        var copy = restart["mutants"]!.Single(m => (int?)m["step"] == 6)!;
        Assert.AreEqual("refuted", (string?)copy["verdict"]);
        Assert.AreEqual("resources-online", (string?)copy["invariant"]);
    }
}
