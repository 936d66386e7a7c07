using Diagnose.Api.Reanalysis;
using Diagnose.Api.Storage;
using Microsoft.Extensions.Options;

namespace Diagnose.Api.Instances;

/// <summary>
/// Every third of a lease: renews this instance's leases on the analyses and jobs it runs, fails analyses
/// whose instance stopped (lease expired) with "instance stopped", and puts such jobs back in the queue.
/// Every instance does this, so the work of a dead instance is recovered by whichever is still alive.
/// </summary>
internal sealed partial class LeaseKeeper : BackgroundService
{
    private readonly AnalysisStore _analyses;
    private readonly ReanalysisStore _jobs;
    private readonly StoreReadiness _readiness;
    private readonly ApiOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LeaseKeeper> _log;

    public LeaseKeeper(AnalysisStore analyses, ReanalysisStore jobs, StoreReadiness readiness, IOptions<ApiOptions> options, TimeProvider time, ILogger<LeaseKeeper> log)
    {
        _analyses = analyses;
        _jobs = jobs;
        _readiness = readiness;
        _options = options.Value;
        _time = time;
        _log = log;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _readiness.Ready.WaitAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.Lease / 3, _time);
        do
        {
            try
            {
                Tick();
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                // The store may be briefly unreachable; the next tick tries again, well within the lease.
                LogTickFailed(_log, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    private void Tick()
    {
        var now = _time.GetUtcNow();
        _analyses.RenewLeases(now);
        _jobs.RenewLeases(now);
        if (_analyses.FailExpired(now) is > 0 and var failed)
        {
            LogFailedExpired(_log, failed);
        }

        if (_jobs.RequeueExpired(now) is > 0 and var requeued)
        {
            JobMetrics.Retried.Add(requeued);
            LogRequeued(_log, requeued);
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Failed {Count} running analyses whose instance stopped (lease expired)")]
    private static partial void LogFailedExpired(ILogger logger, int count);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Queued again {Count} re-analysis jobs whose instance stopped (lease expired)")]
    private static partial void LogRequeued(ILogger logger, int count);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "Lease renewal and recovery failed this time: {Error}")]
    private static partial void LogTickFailed(ILogger logger, string error);
}
