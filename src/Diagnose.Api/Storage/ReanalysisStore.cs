using Diagnose.Api.Instances;
using Diagnose.Api.Reanalysis;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace Diagnose.Api.Storage;

/// <summary>
/// Re-analysis jobs in the store, one per stored case. Any instance takes the next queued job in one
/// statement (PostgreSQL skips rows another instance is taking); a taken job carries the instance's id, a
/// lease and an attempt number. Its result is written only while that claim still holds, so each job's
/// result is written exactly once even when a slow instance comes back after its job was given to another.
/// </summary>
internal sealed class ReanalysisStore
{
    /// <summary>Times a job may be taken before it is failed rather than handed to yet another instance.</summary>
    public const int MaxAttempts = 3;

    private readonly Database _database;
    private readonly ApiOptions _options;
    private readonly string _instance;

    public ReanalysisStore(Database database, IOptions<ApiOptions> options, InstanceIdentity instance)
    {
        _database = database;
        _options = options.Value;
        _instance = instance.Id;
    }

    /// <summary>
    /// Queues one job per selected analysis that is done and whose every input was kept (nothing else can be
    /// read again). Returns the new re-analysis' id and its number of jobs.
    /// </summary>
    public (string Id, int Total) Queue(ReanalysisSelection selection, string? label, DateTimeOffset now)
    {
        var id = Guid.NewGuid().ToString("N");
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        Sql.Execute(connection, transaction, "INSERT INTO reanalyses (id, created_at, label, selection, total) VALUES (@id, @created, @label, @selection, 0)",
            ("@id", id), ("@created", Sql.Time(now)), ("@label", label), ("@selection", JsonConvert.SerializeObject(selection)));
        var total = Sql.Execute(connection, transaction,
            "INSERT INTO reanalysis_jobs (reanalysis_id, analysis_id, state) SELECT @id, a.id, 'queued' FROM analyses a" +
            " WHERE a.status = 'done'" +
            " AND EXISTS (SELECT 1 FROM analysis_inputs i WHERE i.analysis_id = a.id)" +
            " AND NOT EXISTS (SELECT 1 FROM analysis_inputs i WHERE i.analysis_id = a.id AND i.kept_file IS NULL)" +
            " AND (@kb IS NULL OR EXISTS (SELECT 1 FROM analysis_kbs k WHERE k.analysis_id = a.id AND lower(k.kb) = lower(@kb)))" +
            " AND (@since IS NULL OR a.created_at >= @since) AND (@until IS NULL OR a.created_at < @until)" +
            " ORDER BY a.created_at, a.id",
            ("@id", id), ("@kb", selection.Kb), ("@since", selection.Since is { } s ? Sql.Time(s) : null), ("@until", selection.Until is { } u ? Sql.Time(u) : null));
        Sql.Execute(connection, transaction, "UPDATE reanalyses SET total = @total WHERE id = @id", ("@id", id), ("@total", total));
        transaction.Commit();
        return (id, total);
    }

    /// <summary>Takes the oldest queued job for this instance, or null when there is none.</summary>
    public ClaimedJob? Take(DateTimeOffset now)
    {
        using var connection = _database.Open();
        using var command = Sql.Command(connection, null,
            "UPDATE reanalysis_jobs SET state = 'running', instance_id = @instance, lease_until = @until, attempts = attempts + 1" +
            $" WHERE id = (SELECT id FROM reanalysis_jobs WHERE state = 'queued' ORDER BY id LIMIT 1{_database.SkipLocked})" +
            " RETURNING id, reanalysis_id, analysis_id, attempts",
            ("@instance", _instance), ("@until", Sql.Time(now + _options.Lease)));
        using var row = command.ExecuteReader();
        return row.Read() ? new ClaimedJob(Sql.Long(row, 0), row.GetString(1), row.GetString(2), (int)Sql.Long(row, 3)) : null;
    }

    /// <summary>Writes a job's result if this instance's claim on it still holds; false when it was lost (lease expired and retaken).</summary>
    public bool Complete(ClaimedJob job, IReadOnlyList<VerdictLine>? before, IReadOnlyList<VerdictLine>? after, string? error, DateTimeOffset now)
    {
        var changed = error is null && before is not null && after is not null && !before.SequenceEqual(after);
        using var connection = _database.Open();
        return Sql.Execute(connection, null,
            "UPDATE reanalysis_jobs SET state = @state, before_verdicts = @before, after_verdicts = @after, changed = @changed, error = @error, finished_at = @now, lease_until = NULL" +
            " WHERE id = @id AND state = 'running' AND instance_id = @instance AND attempts = @attempt",
            ("@state", error is null ? "done" : "failed"), ("@before", before is null ? null : JsonConvert.SerializeObject(before)),
            ("@after", after is null ? null : JsonConvert.SerializeObject(after)), ("@changed", changed ? 1 : 0), ("@error", error),
            ("@now", Sql.Time(now)), ("@id", job.Id), ("@instance", _instance), ("@attempt", job.Attempt)) == 1;
    }

    /// <summary>Puts a job this instance is giving up (it is stopping) back in the queue at once.</summary>
    public void Release(ClaimedJob job)
    {
        using var connection = _database.Open();
        Sql.Execute(connection, null, "UPDATE reanalysis_jobs SET state = 'queued', instance_id = NULL, lease_until = NULL, attempts = attempts - 1 WHERE id = @id AND state = 'running' AND instance_id = @instance AND attempts = @attempt",
            ("@id", job.Id), ("@instance", _instance), ("@attempt", job.Attempt));
    }

    public int RenewLeases(DateTimeOffset now)
    {
        using var connection = _database.Open();
        return Sql.Execute(connection, null, "UPDATE reanalysis_jobs SET lease_until = @until WHERE instance_id = @instance AND state = 'running'",
            ("@until", Sql.Time(now + _options.Lease)), ("@instance", _instance));
    }

    /// <summary>
    /// Jobs whose lease expired (their instance stopped): queued again, or failed once taken <see cref="MaxAttempts"/> times.
    /// Returns how many were queued again.
    /// </summary>
    public int RequeueExpired(DateTimeOffset now)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        Sql.Execute(connection, transaction,
            "UPDATE reanalysis_jobs SET state = 'failed', error = @error, finished_at = @now, lease_until = NULL WHERE state = 'running' AND lease_until < @now AND attempts >= @max",
            ("@error", $"instance stopped: {MaxAttempts} instances stopped while running this job"), ("@now", Sql.Time(now)), ("@max", MaxAttempts));
        var requeued = Sql.Execute(connection, transaction,
            "UPDATE reanalysis_jobs SET state = 'queued', instance_id = NULL, lease_until = NULL WHERE state = 'running' AND lease_until < @now",
            ("@now", Sql.Time(now)));
        transaction.Commit();
        return requeued;
    }

    public ReanalysisStatus? Find(string id)
    {
        using var connection = _database.Open();
        string createdAt;
        string? label;
        ReanalysisSelection selection;
        int total;
        using (var command = Sql.Command(connection, null, "SELECT created_at, label, selection, total FROM reanalyses WHERE id = @id", ("@id", id)))
        using (var row = command.ExecuteReader())
        {
            if (!row.Read())
            {
                return null;
            }

            (createdAt, label, selection, total) = (row.GetString(0), Sql.Text(row, 1), JsonConvert.DeserializeObject<ReanalysisSelection>(row.GetString(2))!, (int)Sql.Long(row, 3));
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int retried;
        int unchanged;
        using (var command = Sql.Command(connection, null,
                   "SELECT state, COUNT(*), SUM(CASE WHEN attempts > 1 THEN 1 ELSE 0 END), SUM(CASE WHEN state = 'done' AND changed = 0 THEN 1 ELSE 0 END) FROM reanalysis_jobs WHERE reanalysis_id = @id GROUP BY state",
                   ("@id", id)))
        using (var row = command.ExecuteReader())
        {
            (retried, unchanged) = (0, 0);
            while (row.Read())
            {
                counts[row.GetString(0)] = (int)Sql.Long(row, 1);
                retried += (int)Sql.Long(row, 2);
                unchanged += (int)Sql.Long(row, 3);
            }
        }

        var changes = new List<ReanalysisChange>();
        var failures = new List<ReanalysisFailure>();
        using (var command = Sql.Command(connection, null,
                   "SELECT analysis_id, state, before_verdicts, after_verdicts, error FROM reanalysis_jobs WHERE reanalysis_id = @id AND (changed = 1 OR state = 'failed') ORDER BY analysis_id",
                   ("@id", id)))
        using (var row = command.ExecuteReader())
        {
            while (row.Read())
            {
                if (row.GetString(1) == "failed")
                {
                    failures.Add(new ReanalysisFailure(row.GetString(0), Sql.Text(row, 4) ?? ""));
                }
                else
                {
                    changes.Add(new ReanalysisChange(row.GetString(0), Lines(Sql.Text(row, 2)), Lines(Sql.Text(row, 3))));
                }
            }
        }

        return new ReanalysisStatus(id, createdAt, label, selection, total, counts.GetValueOrDefault("queued"), counts.GetValueOrDefault("running"),
            counts.GetValueOrDefault("done"), counts.GetValueOrDefault("failed"), retried, unchanged, changes, failures);
    }

    private static List<VerdictLine> Lines(string? json) => json is null ? [] : JsonConvert.DeserializeObject<List<VerdictLine>>(json)!;
}
