using System.Diagnostics.Metrics;
using Diagnose.Analysis;

namespace Diagnose.Api.Reanalysis;

/// <summary>Re-analysis job counters under the meter <c>Diagnose</c>, beside the engine's own (<c>dotnet-counters monitor --counters Diagnose</c>).</summary>
internal static class JobMetrics
{
    private static readonly Meter Meter = new(DiagnoseEngine.MeterName);

    public static readonly Counter<long> Queued = Meter.CreateCounter<long>("diagnose.jobs.queued", "{job}", "Re-analysis jobs queued by this instance.");

    public static readonly Counter<long> Taken = Meter.CreateCounter<long>("diagnose.jobs.taken", "{job}", "Re-analysis jobs this instance took from the store.");

    public static readonly Counter<long> Done = Meter.CreateCounter<long>("diagnose.jobs.done", "{job}", "Re-analysis results this instance wrote (done or failed).");

    public static readonly Counter<long> Retried = Meter.CreateCounter<long>("diagnose.jobs.retried", "{job}", "Jobs of a stopped instance this instance put back in the queue after their lease expired.");
}
