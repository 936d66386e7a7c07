using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Diagnose.Cli.Tests;

[TestClass]
public sealed class AnalyzeCommandTests
{
    [TestMethod]
    public void Analyze_NoArguments_DiagnosesEveryBundledIncident()
    {
        var (exit, output, error) = Cli.Run("analyze");

        Assert.AreEqual(0, exit, error);
        foreach (var incident in new[] { "KB293302-wins-rolling-upgrade", "Q188674-exchange-ds-restore", "Q217147-clusdb-zero-bytes", "Q217147-outdated-checkpoint" })
        {
            StringAssert.Contains(output, $"== {incident} ==");
        }

        StringAssert.Contains(output, "DIAGNOSIS KB293302");
        StringAssert.Contains(output, "DIAGNOSIS Q188674");
        StringAssert.Contains(output, "fix         restart-from-checkpoint");
        StringAssert.Contains(output, "fix         restart-from-clusdb-recovery-install:");
        StringAssert.Contains(output, "BENIGN ClusSvc 1024 [EXNODEA]");
        StringAssert.Contains(output, "samples/incidents/Q188674-exchange-ds-restore/EXNODEA_System.json record 7439");
        Assert.AreEqual("", error, "nothing extra on stderr when it is not a terminal");
    }

    [TestMethod]
    public void Analyze_JsonFormatToFile_WritesTheContractReport()
    {
        var file = Path.Combine(Path.GetTempPath(), $"diagnose-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output, _) = Cli.Run("analyze", Cli.Sample("incidents/Q188674-exchange-ds-restore"), "--format", "json", "--out", file);

            Assert.AreEqual(0, exit);
            Assert.AreEqual("", output.Trim());
            using var reader = new JsonTextReader(new StringReader(File.ReadAllText(file))) { DateParseHandling = DateParseHandling.None };
            var report = JObject.Load(reader);
            Assert.AreEqual("Q188674", (string?)report["diagnoses"]![0]!["kb"]);
            Assert.AreEqual(7442L, (long?)report["benign"]![0]!["record"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestMethod]
    public void Analyze_SnapshotOption_AddsTheSnapshotToTheInputs()
    {
        var folder = Cli.Sample("incidents/Q217147-outdated-checkpoint");
        var (exit, output, _) = Cli.Run("analyze", Path.Combine(folder, "NODEA_System.xml"), "--snapshot", Path.Combine(folder, "snapshot.json"), "--format", "markdown");

        Assert.AreEqual(0, exit);
        StringAssert.Contains(output, "## Q217147:");
        StringAssert.Contains(output, "**Fix** (`restart-from-clusdb-recovery-install`)");
        StringAssert.Contains(output, "| snapshot | 1 | 0 | 0 |");
    }

    [TestMethod]
    public void Analyze_WhyNotKb_TableAndMarkdownNameThePatternWithNoMatch()
    {
        var folder = Cli.Sample("controls/near-miss-609-alone");
        var (exit, table, _) = Cli.Run("analyze", folder, "--why-not", "KB293302");
        var (_, markdown, _) = Cli.Run("analyze", folder, "--why-not", "KB293302.log-unreadable-after-upgrade-elsewhere", "--format", "markdown");

        Assert.AreEqual(0, exit);
        StringAssert.Contains(table, "WHY NOT KB293302.log-unreadable-after-upgrade-elsewhere (KB293302): pattern match 'failed' (JetLogUnreadable) has no match");
        StringAssert.Contains(table, "1. match JetLogUnreadable as failed: 0 fact(s) pass its own tests, 1 partial match(es) reach it, 0 get past  <- no match");
        StringAssert.Contains(markdown, "## Why not");
        StringAssert.Contains(markdown, "| 1 | match `failed` **(no match)** | JetLogUnreadable | 0 | 1 | 0 |");
    }

    [TestMethod]
    public void Analyze_WhyNotUnknownId_IsABadCommandLine()
    {
        var (exit, output, error) = Cli.Run("analyze", Cli.Sample("controls/near-miss-609-alone"), "--why-not", "KB000000");

        Assert.AreEqual(1, exit);
        Assert.AreEqual("", output);
        StringAssert.Contains(error, "no rule and no article with rules is named 'KB000000'");
    }

    [TestMethod]
    public void Analyze_MissingInput_ExitsNonZeroNamingItButStillReportsTheOthers()
    {
        var (exit, output, error) = Cli.Run("analyze", "does-not-exist.evtx", Cli.Sample("incidents/Q188674-exchange-ds-restore"));

        Assert.AreEqual(2, exit);
        StringAssert.Contains(error, "could not read does-not-exist.evtx: no such file or folder");
        StringAssert.Contains(output, "DIAGNOSIS Q188674");
    }

    [TestMethod]
    public void Analyze_UnknownFormatOption_IsAUsageError()
    {
        var (exit, _, error) = Cli.Run("analyze", "--format", "yaml");

        Assert.AreNotEqual(0, exit);
        StringAssert.Contains(error, "yaml");
    }
}
