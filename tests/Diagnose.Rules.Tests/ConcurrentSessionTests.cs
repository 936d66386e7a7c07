using Diagnose.Rules.Engine;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Loading;

namespace Diagnose.Rules.Tests;

/// <summary>
/// Many sessions on one network at the same time give what each gives alone. The CLIPS anchor's six rules
/// (joins with hash and range indexes, not, aggregate, chaining) run over different thirds of its 3,000
/// facts, half streaming (windows, expiry) and half in batch.
/// </summary>
[TestClass]
public sealed class ConcurrentSessionTests
{
    private const int Variants = 6;
    private const int Copies = 3;

    [TestMethod]
    public void CreateSession_ManySessionsAtOnce_SameResultsAsOneAfterAnother()
    {
        var loaded = RuleLoader.Load([Path.Combine(AppContext.BaseDirectory, "clips-rules")], new TestCatalog([]));
        Assert.IsTrue(loaded.Ok, string.Join("\n", loaded.Problems));
        var reader = new FactLinesReader(loaded.RuleSet.Schemas);
        var rows = reader.Read(Path.Combine(AppContext.BaseDirectory, "Anchors", "clips-3000", "facts.jsonl")).Select(f => (f.Schema, f.Values)).ToList();
        Assert.AreEqual(0, reader.Problems.Count);
        var sessions = SessionFactory.Compile(loaded.RuleSet);

        var alone = Enumerable.Range(0, Variants).Select(v => Run(sessions, rows, v)).ToList();
        Assert.AreEqual(Variants, alone.Distinct().Count(), "each variant sees other facts, so each gives another result");

        // Every copy of every variant at once, released together so that they overlap.
        var start = new Barrier(Variants * Copies);
        var tasks = Enumerable.Range(0, Variants * Copies).Select(i => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return Run(sessions, rows, i % Variants);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        Task.WaitAll(tasks);

        for (var i = 0; i < tasks.Length; i++)
        {
            Assert.AreEqual(alone[i % Variants], tasks[i].Result, $"session {i} (variant {i % Variants}) differs from the same variant run alone");
        }
    }

    /// <summary>Variant v: the facts whose index is not v modulo 3, streamed when v is even; its firings, conclusions and what it still holds.</summary>
    private static string Run(SessionFactory sessions, List<(FactSchema Schema, object?[] Values)> rows, int variant)
    {
        var session = sessions.CreateSession();
        var streaming = variant % 2 == 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (i % 3 == variant % 3)
            {
                continue;
            }

            var fact = new Fact(rows[i].Schema, [.. rows[i].Values]);
            if (streaming && fact.Schema.Field("time") is { Type: FieldType.Time } time && fact.Values[time.Index] is DateTime t)
            {
                session.Advance(t);
            }

            session.Insert(fact);
        }

        session.Run();
        var firings = string.Join(",", session.FiringCounts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var conclusions = string.Join("|", session.Conclusions.Select(c => c.Text).Order(StringComparer.Ordinal));
        return $"{firings}; {conclusions}; held {session.FactCount}";
    }
}
