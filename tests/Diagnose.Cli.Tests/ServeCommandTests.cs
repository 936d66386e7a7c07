namespace Diagnose.Cli.Tests;

[TestClass]
public sealed class ServeCommandTests
{
    [TestMethod]
    public void Serve_BadMaxUpload_ExitsWithTheExpectedForm()
    {
        var (exit, _, err) = Cli.Run("serve", "--max-upload", "12XB");

        Assert.AreEqual(1, exit);
        StringAssert.Contains(err, "--max-upload: '12XB' is not a size");
        StringAssert.Contains(err, "KB, MB or GB");
    }

    [TestMethod]
    public void Serve_MalformedPostgresUrl_IsABadCommandLine_WithoutThePassword()
    {
        var (exit, _, err) = Cli.Run("serve", "--db", "postgresql://diagnose:secret@/nodatabase");

        Assert.AreEqual(1, exit);
        StringAssert.Contains(err, "--db: 'postgresql://diagnose:***@/nodatabase' is not a PostgreSQL URL");
        Assert.IsFalse(err.Contains("secret", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Reanalyze_EmptySqliteStore_MigratesAndReportsNothingToDo()
    {
        var folder = Path.Combine(Path.GetTempPath(), "diagnose-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output, err) = Cli.Run("reanalyze", "--db", Path.Combine(folder, "diagnose.db"), "--format", "json");

            Assert.AreEqual(0, exit, err);
            var status = Newtonsoft.Json.Linq.JObject.Parse(output);
            Assert.AreEqual(("done", 0, 0), ((string?)status["status"], (int)status["progress"]!["total"]!, ((Newtonsoft.Json.Linq.JArray)status["changed"]!).Count));
            Assert.IsTrue(File.Exists(Path.Combine(folder, "diagnose.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void Reanalyze_BadSince_IsABadCommandLine()
    {
        var (exit, _, err) = Cli.Run("reanalyze", "--db", Path.Combine(Path.GetTempPath(), "never-created", "x.db"), "--since", "yesterday");

        Assert.AreEqual(1, exit);
        StringAssert.Contains(err, "--since: 'yesterday' is not a date and time");
    }
}
