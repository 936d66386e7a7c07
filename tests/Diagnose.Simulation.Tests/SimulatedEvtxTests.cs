using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Diagnose.Simulation.Output;
using Diagnose.Simulation.Scenarios;

namespace Diagnose.Simulation.Tests;

/// <summary>
/// A simulated .evtx is a real event log: libevtx's <c>evtxexport</c> (Debian libevtx-utils, an independent
/// reader) reads back every record the journal holds for that node and log, with its number, provider, ID,
/// level, time, computer and insertion strings. Inconclusive when the tool is not installed.
/// </summary>
[TestClass]
public sealed partial class SimulatedEvtxTests
{
    private static readonly XNamespace Ns = "http://schemas.microsoft.com/win/2004/08/events/event";

    [TestMethod]
    public void Evtxexport_ReadsEverySimulatedRecord()
    {
        var tool = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':').Select(d => Path.Combine(d, "evtxexport")).FirstOrDefault(File.Exists);
        if (tool is null)
        {
            Assert.Inconclusive("evtxexport is not installed (Debian package libevtx-utils; .ci/run installs it): independent check skipped");
        }

        using var temp = new TempFolder();
        var run = Shared.Scenarios.Find("KB293302")!.Run(new ScenarioOptions(5, Nodes: 2, Noise: 30));
        var files = SimulationOutput.Write(run, temp.Path);
        var checkedFiles = 0;
        foreach (var file in files.Where(f => f.EndsWith(".evtx", StringComparison.Ordinal)))
        {
            // The journal is the source of truth; our own reader is not involved in this check.
            var name = Path.GetFileNameWithoutExtension(file).Split('_');
            var expected = run.Simulator.Journal.Events.Where(e => e.Node == name[0] && e.Channel == name[1]).OrderBy(e => e.TimeUtc)
                .Select(e => Line(e.Provider, e.EventId.ToString(CultureInfo.InvariantCulture), e.Level.ToString(CultureInfo.InvariantCulture), e.TimeUtc, name[1], e.Data))
                .ToList();

            var actual = EventBlock().Matches(Run(tool!, $"-f xml \"{file}\"")).Select(m => FromXml(XElement.Parse(m.Value))).ToList();
            Assert.HasCount(expected.Count, actual, Path.GetFileName(file));
            var numbers = actual.Select(a => a.Number).ToList();
            CollectionAssert.AreEqual(Enumerable.Range((int)numbers[0], numbers.Count).Select(n => (long)n).ToList(), numbers, "consecutive record numbers");
            CollectionAssert.AreEqual(expected, actual.Select(a => a.Line).ToList(), Path.GetFileName(file));
            Assert.IsTrue(actual.All(a => a.Computer.StartsWith(Path.GetFileName(file).Split('_')[0] + ".", StringComparison.Ordinal)), "Windows 2000 and later log the FQDN");
            checkedFiles++;
        }

        Assert.IsGreaterThanOrEqualTo(3, checkedFiles, "System logs of both nodes and an Application log");
    }

    private static string Line(string provider, string id, string level, DateTime time, string channel, IEnumerable<string?> data) =>
        string.Join(" | ", provider, id, level, time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture), channel, string.Join(" ; ", data));

    private static (long Number, string Computer, string Line) FromXml(XElement e)
    {
        var sys = e.Element(Ns + "System")!;
        var time = DateTime.Parse(sys.Element(Ns + "TimeCreated")!.Attribute("SystemTime")!.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var data = e.Element(Ns + "EventData")?.Elements(Ns + "Data").Select(d => (string?)d.Value) ?? [];
        return (
            long.Parse(sys.Element(Ns + "EventRecordID")!.Value, CultureInfo.InvariantCulture),
            sys.Element(Ns + "Computer")!.Value,
            Line(sys.Element(Ns + "Provider")!.Attribute("Name")!.Value, sys.Element(Ns + "EventID")!.Value, sys.Element(Ns + "Level")!.Value, time, sys.Element(Ns + "Channel")!.Value, data));
    }

    private static string Run(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["LC_ALL"] = "C.UTF-8";
        using var p = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {arguments}: no exit after 60 s");
        }

        Assert.AreEqual(0, p.ExitCode, $"{file} {arguments} failed: {stderr.Result}");
        return stdout;
    }

    [GeneratedRegex(@"<Event[ >].*?</Event>", RegexOptions.Singleline)]
    private static partial Regex EventBlock();
}
