using Diagnose.Rules.Engine;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Loading;

namespace Diagnose.Rules.Tests;

/// <summary>The six rules of the CLIPS anchor over its generated facts (N = 3000): every rule fires as often as planted.</summary>
[TestClass]
public sealed class ClipsAnchorTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "clips-rules");
    private static readonly string Facts = Path.Combine(AppContext.BaseDirectory, "Anchors", "clips-3000", "facts.jsonl");

    [TestMethod]
    public void Streaming_SixRules_FireAsPlanted()
    {
        var (rules, expected) = Load();
        var session = new RuleSession(rules);
        var reader = new FactLinesReader(rules.Schemas);
        foreach (var fact in reader.Read(Facts))
        {
            if (fact.Schema.Field("time") is { } time && fact.Values[time.Index] is DateTime t)
            {
                session.Advance(t);
            }

            session.Insert(fact);
        }

        session.Run();
        Assert.AreEqual(0, reader.Problems.Count, string.Join("\n", reader.Problems));
        Check(session, expected);
        Assert.IsTrue(session.FactCount < 200, $"streaming keeps only what the windows need, held {session.FactCount}");
    }

    [TestMethod]
    public void Batch_SixRules_FireAsPlantedToo()
    {
        var (rules, expected) = Load();
        var session = new RuleSession(rules);
        foreach (var fact in new FactLinesReader(rules.Schemas).Read(Facts))
        {
            session.Insert(fact);
        }

        session.Run();
        Check(session, expected);
    }

    private static void Check(RuleSession session, Dictionary<string, int> expected)
    {
        foreach (var (rule, count) in expected)
        {
            Assert.AreEqual(count, session.FiringCounts.GetValueOrDefault(rule), $"{rule}\n{session.WhyNot(rule)}");
        }
    }

    private static (Model.RuleSet Rules, Dictionary<string, int> Expected) Load()
    {
        var loaded = RuleLoader.Load([Folder], new TestCatalog([]));
        Assert.IsTrue(loaded.Ok, string.Join("\n", loaded.Problems));
        var expected = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(Facts)!, "expected.tsv"))
            .Select(l => l.Split('\t'))
            .Where(p => p[0] != "total")
            .ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.AreEqual(6, expected.Count);
        return (loaded.RuleSet, expected);
    }
}
