using System.Text.RegularExpressions;

namespace Diagnose.Engine.Tests;

[TestClass]
public sealed class BadInputTests
{
    private static string SampleText(string relative) => File.ReadAllText(Engine.Sample(relative));

    [TestMethod]
    public void Analyze_BadInputsBesideAGoodIncident_ReportsEachPreciselyAndStillDiagnoses()
    {
        using var temp = new TempFolder();
        var random = new byte[5000];
        new Random(42).NextBytes(random);
        var missing = Path.Combine(temp.Path, "no-such-file.evtx");
        var empty = temp.Write("empty.xml", []);
        var garbage = temp.Write("garbage.bin", random);

        var report = Engine.Analyze(missing, empty, garbage, Engine.Sample("incidents/Q188674-exchange-ds-restore"));

        Assert.AreEqual("Q188674", report.Diagnoses.Single().Kb, "the good inputs are still analysed");
        StringAssert.Contains(report.Inputs.Single(i => i.Path == missing).Errors.Single().Message, "no such file or folder");
        StringAssert.Contains(report.Inputs.Single(i => i.Path == empty).Errors.Single().Message, "empty (0 bytes)");
        var unknown = report.Inputs.Single(i => i.Path == garbage);
        Assert.AreEqual("unknown", unknown.Format);
        Assert.AreEqual(0L, unknown.Errors.Single().Offset);
        StringAssert.Contains(unknown.Errors.Single().Message, "expected EVTX, EVT, Event Viewer XML or CSV");
    }

    [TestMethod]
    public void Analyze_TruncatedXml_KeepsEveryCompleteEventAndReportsTheLine()
    {
        using var temp = new TempFolder();
        var xml = SampleText("formats/Q188674/xml/EXNODEA_System.xml");
        var cut = xml[..(xml.IndexOf("ClusSvc", xml.Length / 2, StringComparison.Ordinal) + 3)];
        var file = temp.Write("EXNODEA_System.xml", cut);

        var input = Engine.Analyze(file).Inputs.Single();

        var eventsInFile = Regex.Matches(cut, "<Event[ >]").Count;
        Assert.AreEqual(eventsInFile, input.Records + input.Skipped, "every event in the file is read or counted as skipped");
        Assert.AreEqual(1L, input.Skipped);
        var error = input.Errors.Single();
        Assert.AreEqual(cut.Split('\n').Length, error.Line);
        Assert.IsNotNull(error.Column);
    }

    [TestMethod]
    public void Analyze_MalformedJson_KeepsEarlierEventsAndReportsTheLine()
    {
        using var temp = new TempFolder();
        var json = SampleText("formats/Q188674/json/EXNODEA_System.json");
        var lines = json.Split('\n');
        var broken = Array.FindIndex(lines, 20, l => l.Contains("\"Id\"", StringComparison.Ordinal));
        lines[broken] = lines[broken].Replace(":", "", StringComparison.Ordinal);
        var file = temp.Write("EXNODEA_System.json", string.Join('\n', lines));

        var input = Engine.Analyze(file).Inputs.Single();

        Assert.IsGreaterThan(0L, input.Records);
        Assert.AreEqual(1L, input.Skipped);
        Assert.AreEqual(broken + 1, input.Errors.Single(e => e.Line is not null).Line);
    }

    [TestMethod]
    public void Analyze_CsvWithBrokenQuote_SkipsOnlyThatRowAndSaysWhere()
    {
        using var temp = new TempFolder();
        var csv = SampleText("formats/Q188674/legacy-csv/EXNODEA_System.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        csv[2] = csv[2].Insert(csv[2].IndexOf(',', StringComparison.Ordinal) + 1, "\"");
        var file = temp.Write("EXNODEA_System.csv", string.Join("\r\n", csv) + "\r\n");

        var input = Engine.Analyze(file).Inputs.Single();

        Assert.AreEqual((long)csv.Count, input.Records + input.Skipped, "rows read and skipped add up to the rows in the file");
        Assert.AreEqual(1L, input.Skipped);
        Assert.AreEqual(3, input.Errors.Single(e => e.Message.StartsWith("row skipped", StringComparison.Ordinal)).Line);
    }
}
