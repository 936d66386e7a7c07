namespace Diagnose.Cli.Tests;

[TestClass]
public sealed class TraceCommandTests
{
    private static string Trace(string name) => Path.Combine(AppContext.BaseDirectory, "traces", name);

    [TestMethod]
    public void Events_Nettrace_PrintsEveryEventAsTsv()
    {
        var (exit, output, error) = Cli.Run("events", Trace("eventpipe-dotnetcore6.0-win-x64-executioncheckpoints.nettrace"), "--format", "tsv");

        Assert.AreEqual(0, exit, error);
        // stderr carries only the count line: no problems were reported.
        var errorLines = error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, errorLines);
        StringAssert.EndsWith(errorLines[0], "(nettrace): 3 records = 3 read + 0 recovered + 0 unreadable");
        CollectionAssert.AreEqual(
            new[]
            {
                "1\t300\tMicrosoft-Windows-DotNETRuntimeRundown\t2021-06-09T09:48:27.6557906Z\t\t",
                "2\t300\tMicrosoft-Windows-DotNETRuntimeRundown\t2021-06-09T09:48:27.6558078Z\t\t",
                "3\t300\tMicrosoft-Windows-DotNETRuntimeRundown\t2021-06-09T09:48:27.6558183Z\t\t",
            },
            output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [TestMethod]
    public void Events_Net5Nettrace_PrintsAllItsEvents()
    {
        var (exit, output, _) = Cli.Run("events", Trace("eventpipe-dotnetcore5.0-win-x64-arraytypes.nettrace"));

        Assert.AreEqual(0, exit);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1970, lines);
        Assert.AreEqual("1\t5\tTestEventSource0\t2020-05-19T08:04:15.8489926Z\t\t", lines[0]);
        Assert.AreEqual("1970\t146\tMicrosoft-Windows-DotNETRuntimeRundown\t2020-05-19T08:04:16.1666787Z\t\t", lines[^1]);
    }

    [TestMethod]
    [DataRow("analyze")]
    [DataRow("events")]
    public void EtlOffWindows_StopsWithAClearMessageAndNoStackTrace(string command)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("On Windows .etl files are read; TraceReaderTests covers them there.");
        }

        var (exit, _, error) = Cli.Run(command, Trace("SelfDescribingSingleEvent.etl"));

        Assert.AreEqual(2, exit);
        StringAssert.Contains(error, "SelfDescribingSingleEvent.etl");
        StringAssert.Contains(error, "Only Windows can decode .etl files");
        StringAssert.Contains(error, "tracerpt \"SelfDescribingSingleEvent.etl\" -o \"SelfDescribingSingleEvent.evtx\" -of EVTX");
        Assert.IsFalse(error.Contains("   at ", StringComparison.Ordinal), error);
        Assert.IsFalse(error.Contains("Exception", StringComparison.Ordinal), error);
    }
}
