namespace Diagnose.Api.Reanalysis;

/// <summary>
/// A re-analysis as <c>GET /api/reanalyses/{id}</c> shows it: its jobs by state, how many were retried after an
/// instance stopped, and (once every job has ended) the cases whose verdicts changed and those that failed.
/// </summary>
public sealed record ReanalysisStatus(
    string Id,
    string CreatedAt,
    string? Label,
    ReanalysisSelection Selection,
    int Total,
    int Queued,
    int Running,
    int Done,
    int Failed,
    int Retried,
    int Unchanged,
    IReadOnlyList<ReanalysisChange> Changes,
    IReadOnlyList<ReanalysisFailure> Failures)
{
    public bool Finished => Queued == 0 && Running == 0;

    public string Status => Finished ? "done" : "running";
}
