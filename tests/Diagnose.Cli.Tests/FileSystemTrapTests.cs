using System.Diagnostics;
using System.Runtime.Versioning;
using Newtonsoft.Json.Linq;

namespace Diagnose.Cli.Tests;

/// <summary>
/// Issue 14, item 3: the traps of a real file system in an input, rule or article folder are answered with a
/// problem naming the path, the rest is still analysed, and nothing hangs (each run is bounded; a FIFO is never
/// opened, so a run that tried would block until the bound).
/// </summary>
[SupportedOSPlatform("linux")]
[TestClass]
public sealed class FileSystemTrapTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [TestMethod]
    public void Analyze_TwoSymbolicLinkLoops_ReportsBothAndReadsEachLogOnce()
    {
        using var folder = new TrapFolder();
        var sub = folder.Folder("nested");
        File.CreateSymbolicLink(Path.Combine(sub, "back-to-incident"), folder.Root);
        File.CreateSymbolicLink(Path.Combine(sub, "back-to-self"), sub);

        var (exit, report, error) = Bounded("analyze", folder.Root, "--format", "json");

        Assert.AreEqual(2, exit, error);
        AssertDiagnosed(report, folder.IncidentFiles);
        StringAssert.Contains(Problem(report, Path.Combine(sub, "back-to-incident")), $"symbolic link to a folder that contains it ({folder.Root}): not followed");
        StringAssert.Contains(Problem(report, Path.Combine(sub, "back-to-self")), "symbolic link to a folder that contains it");
    }

    [TestMethod]
    public void Analyze_LinkToASiblingFolder_IsReadOnceNotTwice()
    {
        // Near miss: a link that is not a loop but leads to a folder read anyway.
        using var folder = new TrapFolder();
        var logs = folder.Folder("logs");
        File.Move(folder.IncidentFiles[0], Path.Combine(logs, Path.GetFileName(folder.IncidentFiles[0])));
        File.CreateSymbolicLink(Path.Combine(folder.Root, "z-logs-again"), logs);

        var (_, report, error) = Bounded("analyze", folder.Root, "--format", "json");

        var inputs = (JArray)report["inputs"]!;
        Assert.AreEqual(1, inputs.Count(i => ((string)i["path"]!).EndsWith(Path.GetFileName(folder.IncidentFiles[0]), StringComparison.Ordinal) && (long)i["records"]! > 0), error);
        StringAssert.Contains(Problem(report, Path.Combine(folder.Root, "z-logs-again")), $"already read as {logs}: not read twice");
        Assert.AreEqual("Q188674", (string?)report["diagnoses"]![0]!["kb"]);
    }

    [TestMethod]
    public void Analyze_Fifo_IsSkippedWithoutOpening()
    {
        using var folder = new TrapFolder();
        var fifo = folder.Fifo("live.evtx");

        var (exit, report, error) = Bounded("analyze", folder.Root, "--format", "json");

        Assert.AreEqual(2, exit, error);
        AssertDiagnosed(report, folder.IncidentFiles);
        Assert.AreEqual("a named pipe (FIFO), not a file: skipped without opening it", Problem(report, fifo));
    }

    [TestMethod]
    public void Analyze_DeviceFiles_AreSkippedWithoutOpening()
    {
        // /dev/zero never ends and /dev/null is empty forever: both reached through a link in the folder, one named directly.
        using var folder = new TrapFolder();
        var zero = Path.Combine(folder.Root, "zero.evtx");
        File.CreateSymbolicLink(zero, "/dev/zero");

        var (exit, report, error) = Bounded("analyze", folder.Root, "/dev/null", "--format", "json");

        Assert.AreEqual(2, exit, error);
        AssertDiagnosed(report, folder.IncidentFiles);
        Assert.AreEqual("a character device, not a file: skipped without opening it", Problem(report, zero));
        Assert.AreEqual("a character device, not a file: skipped without opening it", Problem(report, "/dev/null"));
    }

    [TestMethod]
    public void Analyze_UnreadableFolderAndFile_AsAnOrdinaryUser_AreProblemsAndTheRestIsAnalysed()
    {
        using var folder = new TrapFolder();
        var locked = folder.Folder("locked");
        File.Copy(folder.IncidentFiles[0], Path.Combine(locked, "hidden-from-us.json"));
        folder.Lock(locked);
        var unreadable = Path.Combine(folder.Root, "unreadable.xml");
        File.WriteAllText(unreadable, "<Events/>");
        folder.Lock(unreadable);

        // Root reads everything, so under root (as in CI) the CLI runs as 'nobody' in a child process.
        var (exit, output, error) = Environment.IsPrivilegedProcess ? AsNobody(folder.Root) : Bounded(() => Cli.Run("analyze", folder.Root, "--format", "json"));
        var report = JObject.Parse(output);

        Assert.AreEqual(2, exit, error);
        AssertDiagnosed(report, folder.IncidentFiles);
        Assert.AreEqual("folder cannot be read: permission denied; the rest was read", Problem(report, locked));
        Assert.AreEqual("cannot be read: permission denied", Problem(report, unreadable));
        StringAssert.Contains(error, $"could not read {locked}: folder cannot be read: permission denied");
        Assert.IsFalse(error.Contains("Exception", StringComparison.Ordinal), error);
    }

    [TestMethod]
    public void Analyze_OutIntoAMissingFolder_FailsBeforeReadingAnyInput()
    {
        using var folder = new TrapFolder();
        var missing = Path.Combine(folder.Root, "no-such-folder", "report.json");
        var absent = Path.Combine(folder.Root, "absent-input.evtx");

        var (exit, output, error) = Cli.Run("analyze", folder.Root, absent, "--out", missing);

        Assert.AreEqual(1, exit);
        Assert.AreEqual("", output);
        // Had any input been read, the absent one would be reported too: only the --out line is there.
        Assert.AreEqual($"diagnose analyze: --out '{missing}': the folder '{Path.GetDirectoryName(missing)}' does not exist; create it first", error.Trim());
        Assert.IsFalse(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [TestMethod]
    public void Analyze_OutIntoAnExistingFolder_WritesTheReport()
    {
        // Near miss for the check above: the same command with the folder present succeeds.
        using var folder = new TrapFolder();
        var target = Path.Combine(folder.Folder("reports"), "report.json");

        var (exit, output, error) = Cli.Run("analyze", folder.Root, "--out", target, "--format", "json");

        Assert.AreEqual(0, exit, error);
        Assert.AreEqual("", output);
        Assert.AreEqual("Q188674", (string?)JObject.Parse(File.ReadAllText(target))["diagnoses"]![0]!["kb"]);
    }

    [TestMethod]
    public void RulesCheck_RuleFolderWithLinkLoopsAndAFifo_NamesEachAndStillChecksTheOtherRules()
    {
        using var folder = new TrapFolder();
        var rules = folder.Folder("rules");
        File.WriteAllText(Path.Combine(rules, "broken.json"), "{ \"id\": \"x.broken\", \"title\": \"t\", \"when\": [], \"then\": [], \"surprise\": 1 }");
        var nested = folder.Folder("rules/nested");
        File.CreateSymbolicLink(Path.Combine(rules, "loop1"), rules);
        File.CreateSymbolicLink(Path.Combine(nested, "loop2"), "..");
        var fifo = folder.Fifo("rules/pending.json");

        var (exit, _, error) = Bounded(() => Cli.Run("rules", "check", "--rules", rules));

        Assert.AreEqual(3, exit, error);
        StringAssert.Contains(error, $"{Path.Combine(rules, "loop1")}(1,1): symbolic link to a folder that contains it");
        StringAssert.Contains(error, $"{Path.Combine(nested, "loop2")}(1,1): symbolic link to a folder that contains it ({rules})");
        StringAssert.Contains(error, $"{fifo}(1,1): a named pipe (FIFO), not a file: skipped without opening it");
        StringAssert.Contains(error, "broken.json", "the other rule files were still checked");
        StringAssert.Contains(error, "surprise");
    }

    [TestMethod]
    public void RulesCheck_KnowledgeFolderWithALinkLoop_IsReportedNotWalkedForever()
    {
        using var folder = new TrapFolder();
        var kb = folder.Folder("kb");
        File.CreateSymbolicLink(Path.Combine(kb, "again"), kb);

        var (exit, _, error) = Bounded(() => Cli.Run("rules", "check", "--kb", kb));

        Assert.AreEqual(3, exit, error);
        StringAssert.Contains(error, $"{Path.Combine(kb, "again")}(1,1): symbolic link to a folder that contains it ({kb}): not followed");
    }

    private static (int Exit, JObject Report, string Error) Bounded(params string[] args)
    {
        var (exit, output, error) = Bounded(() => Cli.Run(args));
        return (exit, JObject.Parse(output), error);
    }

    private static (int Exit, string Output, string Error) Bounded(Func<(int, string, string)> run)
    {
        var task = Task.Run(run);
        Assert.IsTrue(task.Wait(Bound), $"the run did not finish within {Bound.TotalSeconds} s: it hangs on a trap");
        return task.Result;
    }

    /// <summary>The CLI as user nobody (setpriv, util-linux), so permissions apply as they do to an ordinary user.</summary>
    private static (int Exit, string Output, string Error) AsNobody(string folder)
    {
        var start = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "--", "dotnet", Path.Combine(AppContext.BaseDirectory, "diagnose.dll"), "analyze", folder, "--format", "json" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = folder;
        start.Environment["DOTNET_CLI_HOME"] = folder;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Bound))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the run as nobody did not finish within {Bound.TotalSeconds} s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static void AssertDiagnosed(JObject report, IReadOnlyList<string> incidentFiles)
    {
        var inputs = (JArray)report["inputs"]!;
        foreach (var file in incidentFiles)
        {
            var input = inputs.Single(i => (string?)i["path"] == file);
            Assert.IsGreaterThan(0L, (long)input["records"]!, file);
        }

        Assert.AreEqual("Q188674", (string?)report["diagnoses"]![0]!["kb"], "the logs beside the trap are analysed");
    }

    private static string Problem(JObject report, string path)
    {
        var input = ((JArray)report["inputs"]!).SingleOrDefault(i => (string?)i["path"] == path);
        Assert.IsNotNull(input, $"{path} is not among the inputs: {report["inputs"]}");
        return (string)input["errors"]![0]!["message"]!;
    }
}
