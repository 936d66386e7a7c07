using System.Collections.Concurrent;
using Diagnose.Core.Inputs;
using Diagnose.Core.Records;

namespace Diagnose.Ingest.Evtx.Tests.Fuzz;

/// <summary>
/// Runs fuzz cases on every core, each under its own timeout (a hang fails the case, not the run), and collects
/// failures with the case's seed and description so any one can be replayed alone.
/// </summary>
internal static class FuzzRun
{
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Cases to run: the CI default, or <c>DIAGNOSE_FUZZ_CASES</c> for the long run (tests/Diagnose.Ingest.Evtx.Tests/fuzz.sh).</summary>
    public static int Cases(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("DIAGNOSE_FUZZ_CASES"), out var n) && n > 0 ? n : ciDefault;

    public static (List<EventRecord> Records, InputSummary Summary) ReadEvtx(byte[] data, bool recover, int parallelism)
    {
        var summary = new InputSummary("fuzz.evtx");
        var task = Task.Run(() => new EvtxReader { Recover = recover, Parallelism = parallelism }
            .Read(new MemoryStream(data, writable: false), "fuzz.evtx", summary).ToList());
        if (!task.Wait(CaseTimeout))
        {
            throw new TimeoutException($"reader still running after {CaseTimeout.TotalSeconds} s");
        }

        return (task.Result, summary);
    }

    public static string Key(EventRecord r) => $"{r.Origin.Offset}|{r.RecordNumber}|{r.EventId}|{r.Provider}|{r.TimeUtc:O}|{r.Data.Count}";

    /// <summary>Runs <paramref name="check"/> for case 0..count-1 in parallel; returns the failures, each with its case number.</summary>
    public static List<string> ForEachCase(int count, Func<int, string?> check)
    {
        var failures = new ConcurrentBag<(int Case, string Message)>();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                if (check(i) is { } failure)
                {
                    failures.Add((i, failure));
                }
            }
            catch (Exception ex)
            {
                failures.Add((i, $"{ex.GetType().Name}: {ex.Message}"));
            }
        });

        return [.. failures.OrderBy(f => f.Case).Select(f => $"case {f.Case}: {f.Message}")];
    }

    public static string Report(List<string> failures, int count) =>
        $"{failures.Count} of {count} cases failed:\n" + string.Join('\n', failures.Take(15));
}
