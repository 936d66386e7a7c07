namespace Diagnose.Cli.Tests;

[TestClass]
public sealed class RulesCommandTests
{
    [TestMethod]
    public void Check_BuiltInRules_AreValid()
    {
        var (exit, output, error) = Cli.Run("rules", "check");

        Assert.AreEqual(0, exit, error);
        StringAssert.Matches(output, new System.Text.RegularExpressions.Regex(@"^\d+ rules, \d+ catalogued events, \d+ resources and 3 articles are valid\."));
    }

    [TestMethod]
    public void Check_CustomFolderWithBrokenRule_ExitsThreeWithFileAndLine()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"diagnose-rules-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "broken.json");
            File.WriteAllText(file, "{\n  \"id\": \"custom.one\",\n  \"title\": \"t\",\n  \"when\": [{\"fact\": \"ClusterResourceFaild\", \"as\": \"r\"}],\n  \"then\": [{\"diagnose\": {\"rootCause\": \"x\"}}]\n}\n");

            var (exit, _, error) = Cli.Run("rules", "check", "--rules", folder);

            Assert.AreEqual(3, exit);
            StringAssert.Contains(error, $"{file}(4,");
            StringAssert.Contains(error, "unknown fact type 'ClusterResourceFaild'");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
