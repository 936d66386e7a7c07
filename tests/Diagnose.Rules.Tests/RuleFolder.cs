using Diagnose.Rules.Loading;

namespace Diagnose.Rules.Tests;

/// <summary>A temporary rule folder with a schema file and rule files written by a test.</summary>
internal sealed class RuleFolder : IDisposable
{
    public const string Schema = """
        {"facts": [
          {"type": "Ev", "fields": {"node": "string", "id": "int", "time": "time", "text": "string", "ok": "bool"}},
          {"type": "Incident", "derived": true, "fields": {"node": "string", "time": "time"}},
          {"type": "Storm", "derived": true, "fields": {"node": "string"}}
        ]}
        """;

    public RuleFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "diagnose-rules-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Write("test.facts.json", Schema);
    }

    public string Path { get; }

    public string Write(string name, string json)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, json);
        return file;
    }

    public RuleLoadResult Load() => RuleLoader.Load([Path], new TestCatalog(new() { ["KB1"] = ["plan-a"] }));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
