using System.Diagnostics.Metrics;

namespace Diagnose.Analysis;

/// <summary>
/// Counters under the meter <see cref="DiagnoseEngine.MeterName"/>, shared by every engine in the process
/// (watch with <c>dotnet-counters monitor --counters Diagnose -n diagnose</c>).
/// </summary>
internal static class EngineMetrics
{
    private static readonly Meter Meter = new(DiagnoseEngine.MeterName);

    public static readonly Counter<long> EventsIngested = Meter.CreateCounter<long>("diagnose.events.ingested", "{event}", "Event records read from all inputs.");

    public static readonly Counter<long> RulesFired = Meter.CreateCounter<long>("diagnose.rules.fired", "{firing}", "Rule activations fired.");

    public static readonly Counter<long> AnalysesCompleted = Meter.CreateCounter<long>("diagnose.analyses.completed", "{analysis}", "Analyses that produced a report.");
}
