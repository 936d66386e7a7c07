using System.Text.Json;

namespace Diagnose.Cli.Tests;

[TestClass]
public sealed class RulesRunCommandTests
{
    private const string Schema = """
        {"facts": [
          {"type": "event", "fields": {"node": "string", "eventId": "int", "time": "time"}},
          {"type": "Pair", "derived": true, "fields": {"node": "string", "time": "time"}}
        ]}
        """;

    private const string Rule = """
        {"id": "pair", "title": "412 then 609 on one node within 10 minutes", "when": [
           {"fact": "event", "as": "a", "where": "a.eventId == 412"},
           {"fact": "event", "as": "b", "where": "b.eventId == 609 && b.node == a.node && b.time >= a.time && b.time <= a.time + 10m"}],
         "then": [{"derive": {"fact": "Pair", "set": {"node": "a.node", "time": "a.time"}}}],
         "examples": [
           {"name": "five minutes apart", "fires": 1, "facts": [
             {"type": "event", "node": "n1", "eventId": 412, "time": 1000}, {"type": "event", "node": "n1", "eventId": 609, "time": 1300}]},
           {"name": "near miss: other node", "fires": 0, "facts": [
             {"type": "event", "node": "n1", "eventId": 412, "time": 1000}, {"type": "event", "node": "n2", "eventId": 609, "time": 1300}]}]}
        """;

    [TestMethod]
    public void Run_JsonFormat_PrintsFactsFiringsAndElapsed()
    {
        using var dir = new TempDir();
        var rules = dir.Write("rules/schema.facts.json", Schema);
        dir.Write("rules/pair.json", Rule);
        var facts = dir.Write("facts.jsonl", """
            {"type": "event", "node": "n1", "eventId": 412, "time": 1000}
            {"type": "event", "node": "n1", "eventId": 609, "time": 1300}
            {"type": "event", "node": "n2", "eventId": 412, "time": 2000}
            {"type": "event", "node": "n2", "eventId": 609, "time": 2700}
            """);

        var (exit, output, error) = Cli.Run("rules", "run", "--rules", Path.GetDirectoryName(rules)!, "--facts", facts, "--format", "json", "--why-not", "pair");

        Assert.AreEqual(0, exit, error);
        using var json = JsonDocument.Parse(output);
        Assert.AreEqual(4, json.RootElement.GetProperty("facts").GetInt32());
        Assert.AreEqual(1, json.RootElement.GetProperty("firings").GetProperty("pair").GetInt32());
        Assert.IsTrue(json.RootElement.GetProperty("elapsedMs").GetInt64() >= 0);
        StringAssert.Contains(json.RootElement.GetProperty("whyNot").GetProperty("pair").GetString(), "fired 1 time(s)");
    }

    [TestMethod]
    public void Run_BadFactLine_ReportedWithLineAndColumnOthersStillCounted()
    {
        using var dir = new TempDir();
        var rules = dir.Write("rules/schema.facts.json", Schema);
        dir.Write("rules/pair.json", Rule);
        var facts = dir.Write("facts.jsonl", "{\"type\": \"event\", \"node\": \"n1\", \"eventId\": 412, \"time\": 1000}\n{\"type\": \"event\", \"eventId\": \"x\"}\n");

        var (exit, output, error) = Cli.Run("rules", "run", "--rules", Path.GetDirectoryName(rules)!, "--facts", facts, "--explain");

        Assert.AreEqual(2, exit);
        StringAssert.Contains(output, "1 facts, 0 firings");
        StringAssert.Contains(error, $"{facts}(2,30): 'event.eventId' must be an integer");
    }

    [TestMethod]
    public void Test_BuiltInAndCustomExamples_AllBehaveExitZero()
    {
        using var dir = new TempDir();
        var rules = dir.Write("rules/schema.facts.json", Schema);
        dir.Write("rules/pair.json", Rule);

        var (exit, output, error) = Cli.Run("rules", "test", "--rules", Path.GetDirectoryName(rules)!);

        Assert.AreEqual(0, exit, output + error);
        StringAssert.Contains(output, "ok   pair: near miss: other node");
        StringAssert.Contains(output, "ok   Q188674.restore-marker-overwritten:");
    }

    [TestMethod]
    public void Test_ExampleThatMisbehaves_ExitsFour()
    {
        using var dir = new TempDir();
        var rules = dir.Write("rules/schema.facts.json", Schema);
        dir.Write("rules/pair.json", Rule.Replace("\"fires\": 0", "\"fires\": 1", StringComparison.Ordinal));

        var (exit, output, _) = Cli.Run("rules", "test", "--rules", Path.GetDirectoryName(rules)!);

        Assert.AreEqual(4, exit);
        StringAssert.Contains(output, "FAIL pair: near miss: other node (expected to fire 1 time(s), fired 0)");
    }

    private sealed class TempDir : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), $"diagnose-run-{Guid.NewGuid():N}");

        public string Write(string relative, string text)
        {
            var path = Path.Combine(_root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
