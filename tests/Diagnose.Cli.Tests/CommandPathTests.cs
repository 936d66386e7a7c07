using System.Runtime.Versioning;

namespace Diagnose.Cli.Tests;

/// <summary>
/// Issue 14, item 4: every command, given bad paths, answers with a clear one-line reason per path and the
/// README's exit code, before any work, and never with a stack trace.
/// </summary>
[SupportedOSPlatform("linux")]
[TestClass]
public sealed class CommandPathTests
{
    private static TrapFolder _folder = null!;
    private static string _fifo = "";

    [ClassInitialize]
    public static void Create(TestContext _)
    {
        _folder = new TrapFolder();
        _fifo = _folder.Fifo("pipe");
    }

    [ClassCleanup]
    public static void Delete() => _folder.Dispose();

    private static string Missing => Path.Combine(_folder.Root, "no-such-folder", "x");

    public static IEnumerable<object[]> BadPaths()
    {
        // command line (with {missing}, {fifo}, {folder} placeholders), the expected exit code and words of the reason
        yield return ["analyze {folder} --out {missing}", 1, "does not exist; create it first"];
        yield return ["analyze {folder} --out {folder}", 1, "is a folder; give a file name"];
        yield return ["analyze {folder} --out {fifo}", 1, "is a named pipe (FIFO), not a regular file: nothing was written"];
        yield return ["analyze {folder} --out /proc/diagnose-report.json", 1, "cannot be written"];
        yield return ["analyze {folder} --rules {missing}", 1, "--rules '{missing}': no such folder"];
        yield return ["analyze {folder} --kb {fifo}", 1, "is a named pipe (FIFO), not a folder"];
        yield return ["analyze {missing} --snapshot {fifo} --format json", 2, "a named pipe (FIFO), not a file: skipped without opening it"];
        yield return ["events {fifo} {missing}", 2, "no such file or folder"];
        yield return ["events {folder} --out {missing}", 1, "does not exist; create it first"];
        yield return ["events {folder} --out /proc/diagnose-events.tsv", 1, "cannot be written"];
        yield return ["simulate Q188674 --out /proc/diagnose-sim", 1, "the folder cannot be created there"];
        yield return ["simulate Q188674 --out {fifo}", 1, "exists and is not a folder"];
        yield return ["rules check --rules {missing} --kb {missing}", 1, "--kb '{missing}': no such folder"];
        yield return ["rules test --rules {fifo}", 1, "is a named pipe (FIFO), not a folder"];
        yield return ["rules run --rules {folder} --facts {fifo}", 1, "--facts '{fifo}' is a named pipe (FIFO), not a file: it was not opened"];
        yield return ["rules run --rules {missing} --facts {missing}", 1, "--facts '{missing}': no such file"];
        yield return ["rules run --rules {folder} --facts {folder}", 1, "is a folder; give a file"];
        yield return ["validate --all --kb {missing}", 1, "--kb '{missing}': no such folder"];
        yield return ["serve --db /proc/diagnose/d.db", 1, "the folder cannot be created there"];
        yield return ["serve --db {folder}", 1, "is a folder; give a file name"];
    }

    [TestMethod]
    [DynamicData(nameof(BadPaths))]
    public void Command_BadPath_SaysWhyWithItsExitCode_AndNoStackTrace(string line, int code, string reason)
    {
        string Fill(string text) => text.Replace("{missing}", Missing, StringComparison.Ordinal).Replace("{fifo}", _fifo, StringComparison.Ordinal).Replace("{folder}", _folder.Root, StringComparison.Ordinal);
        var args = line.Split(' ').Select(Fill).ToArray();

        var run = Task.Run(() => Cli.Run(args));
        Assert.IsTrue(run.Wait(TimeSpan.FromSeconds(60)), $"{line} did not finish: a path was opened that blocks");
        var (exit, _, error) = run.Result;

        Assert.AreEqual(code, exit, error);
        StringAssert.Contains(error, Fill(reason));
        Assert.IsFalse(error.Contains("   at ", StringComparison.Ordinal) || error.Contains("Exception", StringComparison.Ordinal) || error.Contains("internal error", StringComparison.Ordinal), error);
        Assert.IsFalse(Directory.Exists(Path.GetDirectoryName(Missing)), "nothing is created for a path that was refused");
    }

    [TestMethod]
    public void UnknownCommand_SaysOnlyThatItIsUnknown()
    {
        var (exit, output, error) = Cli.Run("analyse", "x");

        Assert.AreEqual(1, exit);
        Assert.AreEqual("", output);
        var line = error.Trim();
        StringAssert.StartsWith(line, "diagnose: unknown command 'analyse'; the commands are analyze, ");
        StringAssert.EndsWith(line, " (diagnose --help)");
        Assert.IsFalse(line.Contains('\n', StringComparison.Ordinal), "one line, no help text and no parser messages: " + line);
    }

    [TestMethod]
    public void SimulateHelp_ShowsOutAsRequired_AndListStillRunsWithoutIt()
    {
        var (_, help, _) = Cli.Run("simulate", "--help");
        var (exit, list, error) = Cli.Run("simulate", "--list");
        var (missing, _, complaint) = Cli.Run("simulate", "Q188674");

        StringAssert.Matches(help, new System.Text.RegularExpressions.Regex(@"--out <out> \(REQUIRED\)"));
        Assert.AreEqual(0, exit, error);
        StringAssert.Contains(list, "Q188674");
        Assert.AreEqual(1, missing);
        StringAssert.Contains(complaint, "Option '--out' is required.");
    }

    [TestMethod]
    public void EventsOut_WritesTheRecordsToTheFile_AndCountsStillGoToStderr()
    {
        var target = Path.Combine(_folder.Root, "events.tsv");
        var log = _folder.IncidentFiles.First(f => f.EndsWith("EXNODEA_System.json", StringComparison.Ordinal));

        var (exit, output, error) = Cli.Run("events", log, "--out", target);

        Assert.AreEqual(0, exit, error);
        Assert.AreEqual("", output);
        Assert.HasCount(26, File.ReadAllLines(target));
        StringAssert.Contains(error, "26 records = 26 read + 0 recovered + 0 unreadable");
        File.Delete(target);
    }
}
