using System.Text.Json;

namespace Diagnose.Cli.Tests;

/// <summary>
/// An article added with data only, as README "Adding an article" says (tests/Diagnose.Cli.Tests/custom-article): its own
/// event in a catalog file, a fact type, a rule with examples, a fix plan and a wrong one, and its incident written as
/// named operations. Through the CLI with --rules/--kb: the simulator writes its event from the catalog, analyze reads
/// it back and diagnoses it, the plan is validated on the replayed incident, the wrong plan is refuted, and a snapshot
/// that contradicts the incident makes the diagnosis suspect.
/// </summary>
[TestClass]
public sealed class CustomArticleTests
{
    private static readonly string Rules = Path.Combine(AppContext.BaseDirectory, "custom-article", "rules");
    private static readonly string Kb = Path.Combine(AppContext.BaseDirectory, "custom-article", "kb");

    [TestMethod]
    public void SimulateAnalyze_ArticleWrittenAsDataOnly_IsWrittenFromItsCatalogDiagnosedAndItsPlanValidated()
    {
        var folder = Temp();
        try
        {
            var (simulated, _, simulateError) = Cli.Run("simulate", "CONTOSO-LEDGER", "--seed", "3", "--noise", "10", "--log-format", "xml", "--out", folder, "--rules", Rules, "--kb", Kb);
            Assert.AreEqual(0, simulated, simulateError);

            // The event is the catalog's: its provider, ID and the message rendered from the template.
            var all = string.Concat(Directory.GetFiles(folder, "*_Application.xml").Select(File.ReadAllText));
            StringAssert.Contains(all, "Contoso Ledger");
            StringAssert.Contains(all, "The ledger database could not be opened on this node (JET error -530). The ledger service stopped.");

            var (exit, output, error) = Cli.Run("analyze", folder, "--rules", Rules, "--kb", Kb, "--format", "json");

            Assert.AreEqual(0, exit, error);
            using var report = JsonDocument.Parse(output);
            var diagnosis = report.RootElement.GetProperty("diagnoses").EnumerateArray().Single();
            Assert.AreEqual("CONTOSO-LEDGER", diagnosis.GetProperty("kb").GetString());
            var fix = diagnosis.GetProperty("fix");
            Assert.AreEqual("keep-on-newer-and-upgrade", fix.GetProperty("plan").GetString());
            Assert.AreEqual("validated", fix.GetProperty("validation").GetProperty("verdict").GetString(), fix.ToString());

            // Contradiction: the snapshot says the node that could not open the ledger already runs Windows Server 2003.
            var failedNode = diagnosis.GetProperty("nodes").EnumerateArray().Single().GetString()!;
            var snapshotPath = Path.Combine(folder, "snapshot.json");
            var snapshot = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(snapshotPath))!;
            foreach (var node in snapshot["nodes"]!.AsArray())
            {
                if (string.Equals((string?)node!["name"], failedNode, StringComparison.OrdinalIgnoreCase) || ((string?)node["name"])!.StartsWith(failedNode + ".", StringComparison.OrdinalIgnoreCase))
                {
                    node["os"] = "Windows Server 2003";
                    node["servicePack"] = 0;
                }
            }

            File.WriteAllText(snapshotPath, snapshot.ToJsonString());
            var (_, contradicted, _) = Cli.Run("analyze", folder, "--rules", Rules, "--kb", Kb, "--format", "json");
            using var suspect = JsonDocument.Parse(contradicted);
            var validation = suspect.RootElement.GetProperty("diagnoses").EnumerateArray().Single().GetProperty("fix").GetProperty("validation");
            Assert.AreEqual("not-validated", validation.GetProperty("verdict").GetString());
            StringAssert.StartsWith(validation.GetProperty("reason").GetString(), $"diagnosis suspect: the replayed incident logged no Contoso Ledger 7101 (LedgerCannotOpen: error -530) on {failedNode}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void SimulateAnalyze_TheArticlesHealthyControl_GivesNoDiagnosis()
    {
        var folder = Temp();
        try
        {
            var (simulated, _, simulateError) = Cli.Run("simulate", "CONTOSO-LEDGER-healthy", "--seed", "5", "--out", folder, "--rules", Rules, "--kb", Kb);
            Assert.AreEqual(0, simulated, simulateError);

            var (exit, output, error) = Cli.Run("analyze", folder, "--rules", Rules, "--kb", Kb, "--format", "json");

            Assert.AreEqual(0, exit, error);
            using var report = JsonDocument.Parse(output);
            Assert.AreEqual(0, report.RootElement.GetProperty("diagnoses").GetArrayLength());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void RulesAndValidate_ArticleWrittenAsDataOnly_ExamplesBehavePlanValidatedWrongPlanRefuted()
    {
        var (check, _, checkError) = Cli.Run("rules", "check", "--rules", Rules, "--kb", Kb);
        var (test, examples, _) = Cli.Run("rules", "test", "--rules", Rules, "--kb", Kb);
        var (validate, output, error) = Cli.Run("validate", "--all", "--format", "json", "--rules", Rules, "--kb", Kb);

        Assert.AreEqual(0, check, checkError);
        Assert.AreEqual(0, test, examples);
        StringAssert.Contains(examples, "CONTOSO-LEDGER.cannot-open-after-upgrade: near miss");
        Assert.AreEqual(0, validate, error);
        using var results = JsonDocument.Parse(output);
        var ledger = results.RootElement.EnumerateArray().Where(r => r.GetProperty("kb").GetString() == "CONTOSO-LEDGER").ToDictionary(r => r.GetProperty("plan").GetString()!);
        Assert.AreEqual("validated", ledger["keep-on-newer-and-upgrade"].GetProperty("verdict").GetString());
        var wrong = ledger["move-back-only"];
        Assert.AreEqual("refuted", wrong.GetProperty("verdict").GetString());
        Assert.AreEqual("failover-all-owners", wrong.GetProperty("counterexample").GetProperty("invariant").GetString());
    }

    private static string Temp() => Path.Combine(Path.GetTempPath(), $"diagnose-article-{Guid.NewGuid():N}");
}
