namespace Diagnose.Engine.Tests;

[TestClass]
public sealed class FormatEquivalenceTests
{
    private static readonly string[] Formats = ["xml", "csv", "legacy-csv", "json", "text"];

    [TestMethod]
    [DataRow("KB293302", "KB293302.log-unreadable-after-upgrade-elsewhere", "NODE1,NODE2", 0)]
    [DataRow("Q188674", "Q188674.restore-marker-overwritten", "EXNODEA", 1)]
    public void Analyze_SameIncidentInEveryFormat_GivesTheSameDiagnosis(string article, string rule, string nodes, int benign)
    {
        foreach (var format in Formats)
        {
            var report = Engine.Analyze(Engine.Sample($"formats/{article}/{format}"));

            var diagnosis = report.Diagnoses.Single();
            Assert.AreEqual((article, rule, nodes), (diagnosis.Kb, diagnosis.Rule, string.Join(",", diagnosis.Nodes)), format);
            Assert.HasCount(benign, report.Benign, format);
            Assert.IsEmpty(report.Unexplained, format);
            Assert.IsTrue(report.Inputs.All(i => i.Format == (format == "legacy-csv" ? "csv" : format) && i.Skipped == 0), format);

            // The evidence carries the same event times whatever the format.
            var times = diagnosis.Evidence.Select(e => e.Time![..19]).Order(StringComparer.Ordinal).ToArray();
            var reference = Engine.Analyze(Engine.Sample($"formats/{article}/xml")).Diagnoses.Single().Evidence.Select(e => e.Time![..19]).Order(StringComparer.Ordinal).ToArray();
            CollectionAssert.AreEqual(reference, times, format);
        }
    }
}
