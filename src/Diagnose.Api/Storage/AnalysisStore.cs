using Diagnose.Api.Instances;
using Diagnose.Core.Reports;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Diagnose.Api.Storage;

/// <summary>
/// Analyses in the store (SQLite or PostgreSQL, the same SQL). Each state change is one transaction, so a
/// stop at any moment leaves either the previous state or the next, never half a record. A running
/// analysis carries the id of the instance running it and a lease that instance renews; one whose lease
/// has expired is failed by whichever instance notices first.
/// </summary>
internal sealed class AnalysisStore
{
    public const string Interrupted = "the service stopped before this analysis finished";

    public const string InstanceStopped = "instance stopped: the service instance running this analysis stopped before it finished (its lease expired)";

    private static readonly JsonSerializerSettings Compact = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Formatting = Formatting.None,
        DateParseHandling = DateParseHandling.None,
    };

    private readonly Database _database;
    private readonly ApiOptions _options;
    private readonly string _instance;

    public AnalysisStore(Database database, IOptions<ApiOptions> options, InstanceIdentity instance)
    {
        _database = database;
        _options = options.Value;
        _instance = instance.Id;
        UploadsFolder = _options.UploadsFolder;
    }

    public StoreKind Kind => _database.Kind;

    public string UploadsFolder { get; }

    public static string Time(DateTimeOffset time) => Sql.Time(time);

    /// <summary>
    /// Applies the migrations, then recovers analyses nobody runs any more: on SQLite (one instance) every
    /// one still running; on PostgreSQL only those without a lease (written before leases existed).
    /// </summary>
    public int Migrate(DateTimeOffset now)
    {
        var version = Migrations.Apply(_database);
        using var connection = _database.Open();
        var orphans = _database.Kind == StoreKind.Sqlite ? "status IN ('queued', 'running')" : "status IN ('queued', 'running') AND lease_until IS NULL";
        Sql.Execute(connection, null, $"UPDATE analyses SET status = 'failed', error = @error, finished_at = @now WHERE {orphans}",
            ("@error", Interrupted), ("@now", Time(now)));
        return version;
    }

    public void Create(string id, DateTimeOffset createdAt)
    {
        using var connection = _database.Open();
        Sql.Execute(connection, null, "INSERT INTO analyses (id, created_at, status, instance_id, lease_until) VALUES (@id, @created, 'running', @instance, @lease)",
            ("@id", id), ("@created", Time(createdAt)), ("@instance", _instance), ("@lease", Time(createdAt + _options.Lease)));
    }

    /// <summary>
    /// Writes the outcome, the inputs and the filter keys in one transaction, only if the analysis is still
    /// running (another instance may have failed it after this one's lease expired); false when it was not.
    /// </summary>
    public bool Finish(string id, string status, string? error, AnalysisReport? report, IReadOnlyList<(string Label, string? Kept)> received, long bytes, DateTimeOffset finishedAt)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        var records = report?.Inputs.Sum(i => i.Records) ?? 0;
        var updated = Sql.Execute(connection, transaction,
            "UPDATE analyses SET status = @status, error = @error, report = @report, bytes = @bytes, records = @records, finished_at = @finished, lease_until = NULL WHERE id = @id AND status = 'running'",
            ("@id", id), ("@status", status), ("@error", error), ("@report", report is null ? null : JsonConvert.SerializeObject(report, Compact)),
            ("@bytes", bytes), ("@records", records), ("@finished", Time(finishedAt)));
        if (updated == 0)
        {
            return false;
        }

        for (var i = 0; i < received.Count; i++)
        {
            var input = report is not null && i < report.Inputs.Count ? report.Inputs[i] : null;
            Sql.Execute(connection, transaction, "INSERT INTO analysis_inputs (analysis_id, position, name, format, records, unreadable, kept_file) VALUES (@id, @position, @name, @format, @records, @unreadable, @kept)",
                ("@id", id), ("@position", i), ("@name", received[i].Label), ("@format", input?.Format), ("@records", input?.Records ?? 0L), ("@unreadable", input?.Unreadable ?? true ? 1 : 0), ("@kept", received[i].Kept));
        }

        foreach (var kb in report?.Diagnoses.Select(d => d.Kb).Distinct(StringComparer.OrdinalIgnoreCase) ?? [])
        {
            Sql.Execute(connection, transaction, "INSERT INTO analysis_kbs (analysis_id, kb) VALUES (@id, @kb)", ("@id", id), ("@kb", kb));
        }

        var nodes = report is null ? [] : report.Diagnoses.SelectMany(d => d.Nodes)
            .Concat(report.Benign.Concat(report.Unexplained).Select(e => e.Node))
            .Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var node in nodes)
        {
            Sql.Execute(connection, transaction, "INSERT INTO analysis_nodes (analysis_id, node) VALUES (@id, @node)", ("@id", id), ("@node", node));
        }

        transaction.Commit();
        return true;
    }

    /// <summary>Extends the lease of every analysis this instance is running.</summary>
    public int RenewLeases(DateTimeOffset now)
    {
        using var connection = _database.Open();
        return Sql.Execute(connection, null, "UPDATE analyses SET lease_until = @until WHERE instance_id = @instance AND status = 'running'",
            ("@until", Time(now + _options.Lease)), ("@instance", _instance));
    }

    /// <summary>Fails every running analysis whose lease has expired: its instance is gone. Returns how many.</summary>
    public int FailExpired(DateTimeOffset now)
    {
        using var connection = _database.Open();
        return Sql.Execute(connection, null, "UPDATE analyses SET status = 'failed', error = @error, finished_at = @now, lease_until = NULL WHERE status = 'running' AND lease_until < @now",
            ("@error", InstanceStopped), ("@now", Time(now)));
    }

    public StoredAnalysis? Find(string id)
    {
        using var connection = _database.Open();
        StoredAnalysis analysis;
        using (var command = Sql.Command(connection, null, "SELECT status, created_at, finished_at, error, report, bytes, records, instance_id FROM analyses WHERE id = @id", ("@id", id)))
        using (var row = command.ExecuteReader())
        {
            if (!row.Read())
            {
                return null;
            }

            analysis = new StoredAnalysis(id, row.GetString(0), row.GetString(1), Sql.Text(row, 2), Sql.Text(row, 3), Sql.Text(row, 4), Sql.Long(row, 5), Sql.Long(row, 6), [], Sql.Text(row, 7));
        }

        using var inputs = Sql.Command(connection, null, "SELECT name, format, records, unreadable, kept_file FROM analysis_inputs WHERE analysis_id = @id ORDER BY position", ("@id", id));
        using var reader = inputs.ExecuteReader();
        var list = new List<StoredInput>();
        while (reader.Read())
        {
            list.Add(new StoredInput(reader.GetString(0), Sql.Text(reader, 1), Sql.Long(reader, 2), Sql.Long(reader, 3) != 0, Sql.Text(reader, 4)));
        }

        return analysis with { Inputs = list };
    }

    public (List<AnalysisSummary> Items, int Total) List(AnalysisFilter filter)
    {
        using var connection = _database.Open();
        var where = "WHERE (@kb IS NULL OR EXISTS (SELECT 1 FROM analysis_kbs k WHERE k.analysis_id = a.id AND lower(k.kb) = lower(@kb)))" +
                    " AND (@node IS NULL OR EXISTS (SELECT 1 FROM analysis_nodes n WHERE n.analysis_id = a.id AND lower(n.node) = lower(@node)))" +
                    " AND (@since IS NULL OR a.created_at >= @since)";
        (string, object?)[] parameters = [("@kb", filter.Kb), ("@node", filter.Node), ("@since", filter.Since is { } s ? Time(s) : null)];

        var total = (int)Sql.Long(connection, null, $"SELECT COUNT(*) FROM analyses a {where}", parameters);

        using var page = Sql.Command(connection, null,
            $"SELECT a.id, a.status, a.created_at, a.finished_at, a.error, a.records, {_database.LinesOf("kb", "analysis_kbs")}, {_database.LinesOf("node", "analysis_nodes")}" +
            $" FROM analyses a {where} ORDER BY a.created_at DESC, a.id LIMIT @limit OFFSET @offset",
            [.. parameters, ("@limit", filter.Limit), ("@offset", filter.Offset)]);
        using var row = page.ExecuteReader();
        var items = new List<AnalysisSummary>();
        while (row.Read())
        {
            items.Add(new AnalysisSummary(row.GetString(0), row.GetString(1), row.GetString(2), Sql.Text(row, 3), Sql.Text(row, 4), Sql.Long(row, 5), Lines(Sql.Text(row, 6)), Lines(Sql.Text(row, 7))));
        }

        return (items, total);
    }

    /// <summary>Deletes the record (inputs and keys cascade) and any kept upload files.</summary>
    public bool Delete(string id)
    {
        using var connection = _database.Open();
        var deleted = Sql.Execute(connection, null, "DELETE FROM analyses WHERE id = @id", ("@id", id)) > 0;

        // Only an id that was stored (one the service generated) ever becomes part of a path.
        var kept = UploadFolder(id);
        if (deleted && Directory.Exists(kept))
        {
            Directory.Delete(kept, recursive: true);
        }

        return deleted;
    }

    /// <summary>Where uploads of this analysis are kept; <paramref name="id"/> is always one the service generated.</summary>
    public string UploadFolder(string id) => Path.Combine(UploadsFolder, id);

    /// <summary>The full path of a kept file, stored relative to the uploads folder.</summary>
    public string KeptPath(string kept) => Path.Combine(UploadsFolder, kept);

    private static IReadOnlyList<string> Lines(string? text) => text is null ? [] : text.Split('\n');
}
