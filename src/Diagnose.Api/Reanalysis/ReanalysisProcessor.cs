using Diagnose.Analysis;
using Diagnose.Api.Http;
using Diagnose.Api.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Reanalysis;

/// <summary>
/// Runs one re-analysis job: the stored case's kept uploads through this instance's engine (its current
/// rules and articles), then the verdicts before and after written back under the job's claim.
/// </summary>
internal sealed partial class ReanalysisProcessor
{
    private readonly DiagnoseEngine _engine;
    private readonly AnalysisStore _analyses;
    private readonly ReanalysisStore _jobs;
    private readonly TimeProvider _time;
    private readonly ILogger<ReanalysisProcessor> _log;

    public ReanalysisProcessor(DiagnoseEngine engine, AnalysisStore analyses, ReanalysisStore jobs, TimeProvider time, ILogger<ReanalysisProcessor> log)
    {
        _engine = engine;
        _analyses = analyses;
        _jobs = jobs;
        _time = time;
        _log = log;
    }

    /// <summary>Takes and runs the next queued job; false when the queue was empty.</summary>
    public bool RunNext(CancellationToken stopping)
    {
        var job = _jobs.Take(_time.GetUtcNow());
        if (job is null)
        {
            return false;
        }

        JobMetrics.Taken.Add(1);
        List<VerdictLine>? before = null;
        List<VerdictLine>? after = null;
        string? error = null;
        try
        {
            (before, after) = Run(job, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: hand the job back now rather than after the lease expires.
            _jobs.Release(job);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or JsonException)
        {
            error = e.Message;
        }

        if (_jobs.Complete(job, before, after, error, _time.GetUtcNow()))
        {
            JobMetrics.Done.Add(1);
        }
        else
        {
            LogLost(_log, job.AnalysisId, job.ReanalysisId);
        }

        return true;
    }

    private (List<VerdictLine> Before, List<VerdictLine> After) Run(ClaimedJob job, CancellationToken stopping)
    {
        var analysis = _analyses.Find(job.AnalysisId) ?? throw new InvalidOperationException("the analysis was deleted before it could be analysed again");
        var before = VerdictLine.From(analysis.Report is null ? null : JObject.Parse(analysis.Report));
        var missing = analysis.Inputs.FirstOrDefault(i => i.KeptFile is null || !File.Exists(_analyses.KeptPath(i.KeptFile)));
        if (missing is not null)
        {
            throw new InvalidOperationException($"the kept upload '{missing.Name}' is no longer in the uploads folder");
        }

        var report = _engine.Analyze(Inputs(analysis), cancellation: stopping);
        var after = VerdictLine.From(JObject.FromObject(report, ApiJson.Serializer));
        return (before, after);
    }

    /// <summary>Each kept file under its original label (so evidence reads as it did), opened only when the engine reaches it.</summary>
    private IEnumerable<AnalysisInput> Inputs(StoredAnalysis analysis)
    {
        foreach (var input in analysis.Inputs)
        {
            using var file = File.OpenRead(_analyses.KeptPath(input.KeptFile!));
            yield return AnalysisInput.FromStream(input.Name, file);
        }
    }

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Re-analysis {ReanalysisId}: the result for analysis {AnalysisId} was discarded, this instance's lease on it had expired and the job was taken again")]
    private static partial void LogLost(ILogger logger, string analysisId, string reanalysisId);
}
