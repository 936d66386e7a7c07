using System.Text.Json;

namespace Diagnose.Cli.Tests;

/// <summary>
/// A support team adds its own event with data only: a catalog file, a fact type and a rule in a custom
/// <c>--rules</c> folder (tests/Diagnose.Cli.Tests/custom-catalog), checked and then used by analyze.
/// </summary>
[TestClass]
public sealed class CustomCatalogTests
{
    private static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "custom-catalog", name);

    [TestMethod]
    public void RulesCheckAndTest_CustomFolderWithItsOwnCatalog_AreValidAndBehave()
    {
        var (check, output, error) = Cli.Run("rules", "check", "--rules", Folder("rules"));
        var (test, examples, _) = Cli.Run("rules", "test", "--rules", Folder("rules"));

        Assert.AreEqual(0, check, error);
        StringAssert.Matches(output, new System.Text.RegularExpressions.Regex(@"^\d+ rules, \d+ catalogued events, 7 resources and 3 articles are valid\."));
        Assert.AreEqual(0, test, examples);
        StringAssert.Contains(examples, "contoso.quota-too-small");
    }

    [TestMethod]
    public void Analyze_CustomEventFromInsertionStringsAndFromPastedMessage_IsDiagnosedThroughTheCustomCatalog()
    {
        var (exit, output, error) = Cli.Run("analyze", Folder("logs"), "--rules", Folder("rules"), "--format", "json");

        Assert.AreEqual(0, exit, error);
        using var report = JsonDocument.Parse(output);
        var diagnoses = report.RootElement.GetProperty("diagnoses").EnumerateArray()
            .Select(d => d.GetProperty("rootCause").GetString()).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(new[] { "alice on NODE7 hit a quota of only 50 MB on Q:", "carol on NODE8 hit a quota of only 20 MB on S:" }, diagnoses);

        // The near miss (a 500 MB quota) is an event the catalog says must be explained, and nothing explains it.
        var unexplained = report.RootElement.GetProperty("unexplained").EnumerateArray().Single();
        Assert.AreEqual(("Contoso Quota", 7001, 42), (unexplained.GetProperty("provider").GetString(), unexplained.GetProperty("eventId").GetInt32(), unexplained.GetProperty("record").GetInt32()));
    }

    [TestMethod]
    public void Analyze_SameLogsWithoutTheCustomFolder_GiveNoDiagnosis()
    {
        var (exit, output, error) = Cli.Run("analyze", Folder("logs"), "--format", "json");

        Assert.AreEqual(0, exit, error);
        using var report = JsonDocument.Parse(output);
        Assert.AreEqual(0, report.RootElement.GetProperty("diagnoses").GetArrayLength());
        Assert.AreEqual(0, report.RootElement.GetProperty("unexplained").GetArrayLength(), "an uncatalogued event is only a generic Event fact");
    }

    [TestMethod]
    public void RulesCheck_CustomCatalogWithAMistake_ExitsThreeWithFileLineAndColumn()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"diagnose-catalog-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in Directory.GetFiles(Folder("rules")))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var catalog = Path.Combine(folder, "contoso.events.json");
            File.WriteAllText(catalog, File.ReadAllText(catalog).Replace("\"index\": 2, \"type\": \"string\"", "\"index\": 3, \"type\": \"string\"", StringComparison.Ordinal));

            var (exit, _, error) = Cli.Run("rules", "check", "--rules", folder);

            Assert.AreEqual(3, exit);
            StringAssert.Contains(error, $"{catalog}(17,");
            StringAssert.Contains(error, "index 3 is beyond the message template, whose placeholders are {0}…{2}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
