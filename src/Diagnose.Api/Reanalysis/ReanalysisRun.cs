using Diagnose.Analysis;
using Diagnose.Api.Instances;
using Diagnose.Api.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Diagnose.Api.Reanalysis;

/// <summary>
/// <c>diagnose reanalyze</c>: queues a re-analysis on the store and takes its jobs in this process (beside any
/// service instances on the same store, which take jobs too) until every job has ended.
/// </summary>
public static class ReanalysisRun
{
    public static ReanalysisStatus Execute(ApiOptions options, DiagnoseEngine engine, ReanalysisSelection selection, string? label, CancellationToken cancellation)
    {
        var wrapped = Options.Create(options);
        var database = Database.Create(StoreLocation.Parse(options.Database));
        var instance = new InstanceIdentity(wrapped);
        var analyses = new AnalysisStore(database, wrapped, instance);
        var jobs = new ReanalysisStore(database, wrapped, instance);
        var time = TimeProvider.System;
        analyses.Migrate(time.GetUtcNow());
        var processor = new ReanalysisProcessor(engine, analyses, jobs, time, NullLogger<ReanalysisProcessor>.Instance);

        var (id, total) = jobs.Queue(selection, label, time.GetUtcNow());
        JobMetrics.Queued.Add(total);
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            if (!processor.RunNext(cancellation))
            {
                var status = jobs.Find(id)!;
                if (status.Finished)
                {
                    return status;
                }

                // Other instances hold the rest; recover any whose instance died, then look again.
                jobs.RenewLeases(time.GetUtcNow());
                jobs.RequeueExpired(time.GetUtcNow());
                Thread.Sleep(ReanalysisWorker.Idle(options));
            }
        }
    }
}
