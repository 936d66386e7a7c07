using Diagnose.Api.Instances;
using Microsoft.Extensions.Options;

namespace Diagnose.Api.Reanalysis;

/// <summary>Takes re-analysis jobs from the store while the service runs, <see cref="ApiOptions.ReanalysisWorkers"/> at a time.</summary>
internal sealed class ReanalysisWorker : BackgroundService
{
    private readonly ReanalysisProcessor _processor;
    private readonly StoreReadiness _readiness;
    private readonly ApiOptions _options;
    private readonly TimeProvider _time;

    public ReanalysisWorker(ReanalysisProcessor processor, StoreReadiness readiness, IOptions<ApiOptions> options, TimeProvider time)
    {
        _processor = processor;
        _readiness = readiness;
        _options = options.Value;
        _time = time;
    }

    /// <summary>How long an idle worker waits before looking at the queue again.</summary>
    public static TimeSpan Idle(ApiOptions options) => TimeSpan.FromSeconds(Math.Clamp(options.LeaseSeconds / 10, 0.1, 1));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _readiness.Ready.WaitAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return; // StoreStartup has logged it and is stopping the service.
        }

        await Task.WhenAll(Enumerable.Range(0, _options.ReanalysisWorkers).Select(_ => Task.Run(() => Loop(stoppingToken), stoppingToken)));
    }

    private async Task Loop(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            if (!_processor.RunNext(stopping))
            {
                await Task.Delay(Idle(_options), _time, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
