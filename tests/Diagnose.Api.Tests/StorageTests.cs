using System.Net;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Tests;

/// <summary>Persistence: restart on the same database, crash recovery, kept uploads and hostile file names.</summary>
[TestClass]
public sealed class StorageTests
{
    [TestMethod]
    public async Task Restart_SameDatabase_AnalysisIsUnchanged()
    {
        var root = Path.Combine(Path.GetTempPath(), "diagnose-api-" + Guid.NewGuid().ToString("N"));
        string location;
        string before;
        using (var first = new ApiFactory(root, keepFolder: true))
        {
            using var client = first.CreateClient();
            using var posted = await client.PostAsync("/api/analyses", Upload.Files(Upload.Incident("KB293302-wins-rolling-upgrade")));
            Assert.AreEqual(HttpStatusCode.Created, posted.StatusCode);
            location = posted.Headers.Location!.OriginalString;
            before = await client.GetStringAsync(location);
        }

        using var second = new ApiFactory(root);
        using var again = second.CreateClient();
        var after = await again.GetStringAsync(location);

        Assert.AreEqual(before, after);
        Assert.AreEqual("KB293302", (string?)JObject.Parse(after)["diagnoses"]![0]!["kb"]);
        Assert.AreEqual(1, (int)JObject.Parse(await again.GetStringAsync("/api/analyses?kb=KB293302"))["total"]!);
    }

    [TestMethod]
    public async Task Restart_AfterACrashMidAnalysis_TheRunningRecordIsFailedNotLeftHalfDone()
    {
        var root = Path.Combine(Path.GetTempPath(), "diagnose-api-" + Guid.NewGuid().ToString("N"));
        using (var first = new ApiFactory(root, keepFolder: true))
        {
            first.CreateClient().Dispose();
        }

        // What a process killed mid-analysis leaves: a row created as running, never finished.
        const string id = "0123456789abcdef0123456789abcdef";
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(root, "data", "diagnose.db")}"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO analyses (id, created_at, status) VALUES ('{id}', '2024-01-01T00:00:00.0000000Z', 'running')";
            insert.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        using var second = new ApiFactory(root);
        using var client = second.CreateClient();
        var analysis = JObject.Parse(await client.GetStringAsync($"/api/analyses/{id}"));

        Assert.AreEqual("failed", (string?)analysis["status"]);
        StringAssert.Contains((string?)analysis["error"], "stopped before");
        Assert.IsNotNull((string?)analysis["finishedAt"]);
    }

    [TestMethod]
    public async Task Keep_HostileFileNames_AreStoredUnderGeneratedNamesInsideTheDataFolderOnly()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        var marker = Guid.NewGuid().ToString("N");
        var absolute = Path.Combine(Path.GetTempPath(), $"evil-{marker}.csv");
        var csv = File.ReadAllBytes(Upload.Incident("KB293302-wins-rolling-upgrade").First(f => f.EndsWith("NODE1_System.csv", StringComparison.Ordinal)));
        string[] names = [$"../../evil-{marker}.csv", $"../../../../../../tmp/evil-{marker}.csv", absolute, $"C:\\Windows\\evil-{marker}.csv", "..", ".\\NODE1_System.csv"];

        using var response = await client.PostAsync("/api/analyses?keep=true", Upload.Parts(names.Select((n, i) => ($"f{i}", n, csv)).ToArray()));

        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, body);
        var analysis = JObject.Parse(body);
        var labels = analysis["uploads"]!.Select(u => (string)u["name"]!).ToArray();
        CollectionAssert.AreEqual(new[] { $"evil-{marker}.csv", $"evil-{marker}.csv", $"evil-{marker}.csv", $"evil-{marker}.csv", "upload-5", "NODE1_System.csv" }, labels);
        Assert.IsTrue(analysis["uploads"]!.All(u => (bool)u["kept"]!));

        // Every file the service wrote is inside its data folder; nothing beside it or at the absolute name.
        var written = Directory.GetFiles(factory.Root, "*", SearchOption.AllDirectories);
        Assert.IsTrue(written.All(f => f.StartsWith(factory.DataFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal)), string.Join(", ", written));
        var kept = Directory.GetFiles(Path.Combine(factory.DataFolder, "uploads", (string)analysis["id"]!)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(new[] { "1.upload", "2.upload", "3.upload", "4.upload", "5.upload", "6.upload" }, kept);
        Assert.IsFalse(File.Exists(absolute));
        Assert.IsFalse(Directory.GetFiles(Path.GetTempPath(), $"*{marker}*", SearchOption.TopDirectoryOnly).Any());
        CollectionAssert.AreEqual(csv, File.ReadAllBytes(Path.Combine(factory.DataFolder, "uploads", (string)analysis["id"]!, "1.upload")));

        // Deleting the analysis deletes what was kept.
        using var deleted = await client.DeleteAsync($"/api/analyses/{analysis["id"]}");
        Assert.AreEqual(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.IsFalse(Directory.Exists(Path.Combine(factory.DataFolder, "uploads", (string)analysis["id"]!)));
    }

    [TestMethod]
    public async Task Keep_NotAsked_WritesNoUploadFile()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/analyses", Upload.Files(Upload.Incident("Q188674-exchange-ds-restore")));

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        Assert.IsFalse(Directory.Exists(Path.Combine(factory.DataFolder, "uploads")));
    }
}
