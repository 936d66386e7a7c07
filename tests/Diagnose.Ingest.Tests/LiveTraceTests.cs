using System.Globalization;
using Diagnose.Core.Records;
using Diagnose.TraceEmitter;

namespace Diagnose.Ingest.Tests;

/// <summary>
/// A real .nettrace recorded from a child process over EventPipe, read back through LogIngester:
/// every event's provider, ID, level, time order and payload must be what the child wrote.
/// </summary>
[TestClass]
public sealed class LiveTraceTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task Read_TraceRecordedFromAChildProcess_GivesEveryEventAsWritten()
    {
        var trace = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), $"live-{Guid.NewGuid():N}.nettrace");
        try
        {
            await TraceRecording.RecordAsync("sample", ["Diagnose-TraceEmitter", "Diagnose"], trace, TimeSpan.FromSeconds(30));

            var session = new IngestSession();
            var records = new LogIngester().Read([trace], session).ToList();

            var input = session.Inputs.Single();
            Assert.AreEqual("nettrace", input.Format);
            Assert.IsEmpty(input.Problems, string.Join("; ", input.Problems));
            Assert.AreEqual(records.Count, input.Records);

            // EventPipe adds its own ProcessInfo event; everything else is ours, in the order written.
            var ours = records.Where(r => r.Provider != "Microsoft-DotNETCore-EventPipe").ToList();
            var sample = ours.Where(r => r.Provider == "Diagnose-TraceEmitter").ToList();
            Assert.HasCount(3 * Emitted.SampleCount, sample);
            for (var i = 1; i <= Emitted.SampleCount; i++)
            {
                var (text, numbers, identity) = (sample[(3 * i) - 3], sample[(3 * i) - 2], sample[(3 * i) - 1]);
                AssertEvent(text, 1, 4, [("message", Emitted.Message(i)), ("sequence", Invariant(i))]);
                Assert.AreEqual(0x10UL, text.Keywords!.Value & 0xFFFF_FFFF);
                AssertEvent(numbers, 2, 3, [("big", Invariant(Emitted.Big(i))), ("ratio", Emitted.Ratio(i).ToString("R", CultureInfo.InvariantCulture)),
                    ("flag", Emitted.Flag(i) ? "True" : "False"), ("sequence", Invariant(i))]);
                AssertEvent(identity, 3, 5, [("id", Emitted.Id(i).ToString()), ("sequence", Invariant(i))]);
            }

            var diagnose = ours.Where(r => r.Provider == "Diagnose").ToList();
            CollectionAssert.AreEqual(new[] { 1, 2, 3, 4, 5, 6 }, diagnose.Select(r => r.EventId).ToArray());
            CollectionAssert.AreEqual(
                new[] { "path=EXNODEA_System.json format=json records=26 recovered=0 skipped=1 problems=2 unreadable=False" },
                new[] { string.Join(" ", diagnose[1].Data.Select(d => $"{d.Name}={d.Value}")) });
            CollectionAssert.AreEqual(
                new[] { "Q188674.restore-marker-overwritten", "start-service-before-online", "validated", "12", "all fault schedules held" },
                diagnose[4].Data.Select(d => d.Value).ToArray());

            Assert.AreEqual(ours.Count, sample.Count + diagnose.Count, "no other provider appears");
            var pid = ours[0].ProcessId;
            Assert.IsTrue(ours.All(r => r.ProcessId == pid && r.ProcessId > 0 && r.ThreadId > 0));

            // Time order: UTC, never decreasing, within this run.
            var times = records.Select(r => r.TimeUtc!.Value).ToList();
            Assert.IsTrue(times.All(t => t.Kind == DateTimeKind.Utc));
            Assert.IsTrue(times.Zip(times.Skip(1)).All(p => p.First <= p.Second), "events in time order");
            Assert.IsTrue(Math.Abs((DateTime.UtcNow - times[^1]).TotalMinutes) < 5, $"last event at {times[^1]:O}");
            CollectionAssert.AreEqual(Enumerable.Range(1, records.Count).Select(n => (long?)n).ToArray(), records.Select(r => r.RecordNumber).ToArray());
        }
        finally
        {
            File.Delete(trace);
        }
    }

    private static void AssertEvent(EventRecord record, int id, int level, (string Name, string Value)[] data)
    {
        Assert.AreEqual(("Diagnose-TraceEmitter", id, level), (record.Provider, record.EventId, record.Level));
        Assert.IsNotNull(record.ProviderGuid);
        Assert.AreEqual(string.Join(" | ", data.Select(d => $"{d.Name}={d.Value}")), string.Join(" | ", record.Data.Select(d => $"{d.Name}={d.Value}")));
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
