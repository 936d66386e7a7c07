using System.Globalization;
using Diagnose.Core.Reports;
using Diagnose.Core.Time;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Diagnose.Api.Storage;

/// <summary>
/// Analyses in SQLite. Each state change is one transaction, so a stop at any moment leaves either the
/// previous state or the next, never half a record. Analyses left running by a crash are failed on start.
/// </summary>
internal sealed class AnalysisStore
{
    public const string Interrupted = "the service stopped before this analysis finished";

    private static readonly JsonSerializerSettings Compact = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Formatting = Formatting.None,
        DateParseHandling = DateParseHandling.None,
    };

    private readonly string _connection;
    private readonly string _dataFolder;

    public AnalysisStore(IOptions<ApiOptions> options, TimeProvider time)
    {
        _dataFolder = options.Value.DataFolder;
        Directory.CreateDirectory(_dataFolder);
        _connection = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.Value.Database),
            ForeignKeys = true,
            Pooling = true,
        }.ToString();

        using var connection = Open();
        Execute(connection, null, "PRAGMA journal_mode = WAL");
        SchemaVersion = Migrations.Apply(connection);
        Execute(connection, null, "UPDATE analyses SET status = 'failed', error = $error, finished_at = $now WHERE status IN ('queued', 'running')",
            ("$error", Interrupted), ("$now", Time(time.GetUtcNow())));
    }

    public int SchemaVersion { get; }

    public static string Time(DateTimeOffset time) => IsoTime.Format(time, IsoPrecision.Ticks);

    public void Create(string id, DateTimeOffset createdAt)
    {
        using var connection = Open();
        Execute(connection, null, "INSERT INTO analyses (id, created_at, status) VALUES ($id, $created, 'running')", ("$id", id), ("$created", Time(createdAt)));
    }

    /// <summary>Writes the outcome, the inputs and the filter keys in one transaction.</summary>
    public void Finish(string id, string status, string? error, AnalysisReport? report, IReadOnlyList<(string Label, string? Kept)> received, long bytes, DateTimeOffset finishedAt)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var records = report?.Inputs.Sum(i => i.Records) ?? 0;
        Execute(connection, transaction, "UPDATE analyses SET status = $status, error = $error, report = $report, bytes = $bytes, records = $records, finished_at = $finished WHERE id = $id",
            ("$id", id), ("$status", status), ("$error", error), ("$report", report is null ? null : JsonConvert.SerializeObject(report, Compact)),
            ("$bytes", bytes), ("$records", records), ("$finished", Time(finishedAt)));

        for (var i = 0; i < received.Count; i++)
        {
            var input = report is not null && i < report.Inputs.Count ? report.Inputs[i] : null;
            Execute(connection, transaction, "INSERT INTO analysis_inputs (analysis_id, position, name, format, records, unreadable, kept_file) VALUES ($id, $position, $name, $format, $records, $unreadable, $kept)",
                ("$id", id), ("$position", i), ("$name", received[i].Label), ("$format", input?.Format), ("$records", input?.Records ?? 0), ("$unreadable", input?.Unreadable ?? true), ("$kept", received[i].Kept));
        }

        foreach (var kb in report?.Diagnoses.Select(d => d.Kb).Distinct(StringComparer.OrdinalIgnoreCase) ?? [])
        {
            Execute(connection, transaction, "INSERT INTO analysis_kbs (analysis_id, kb) VALUES ($id, $kb)", ("$id", id), ("$kb", kb));
        }

        var nodes = report is null ? [] : report.Diagnoses.SelectMany(d => d.Nodes)
            .Concat(report.Benign.Concat(report.Unexplained).Select(e => e.Node))
            .Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var node in nodes)
        {
            Execute(connection, transaction, "INSERT INTO analysis_nodes (analysis_id, node) VALUES ($id, $node)", ("$id", id), ("$node", node));
        }

        transaction.Commit();
    }

    public StoredAnalysis? Find(string id)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT status, created_at, finished_at, error, report, bytes, records FROM analyses WHERE id = $id", ("$id", id));
        using var row = command.ExecuteReader();
        if (!row.Read())
        {
            return null;
        }

        var analysis = new StoredAnalysis(id, row.GetString(0), row.GetString(1), Text(row, 2), Text(row, 3), Text(row, 4), row.GetInt64(5), row.GetInt64(6), []);
        using var inputs = Command(connection, "SELECT name, format, records, unreadable, kept_file FROM analysis_inputs WHERE analysis_id = $id ORDER BY position", ("$id", id));
        using var reader = inputs.ExecuteReader();
        var list = new List<StoredInput>();
        while (reader.Read())
        {
            list.Add(new StoredInput(reader.GetString(0), Text(reader, 1), reader.GetInt64(2), reader.GetBoolean(3), Text(reader, 4)));
        }

        return analysis with { Inputs = list };
    }

    public (List<AnalysisSummary> Items, int Total) List(AnalysisFilter filter)
    {
        using var connection = Open();
        var where = "WHERE ($kb IS NULL OR EXISTS (SELECT 1 FROM analysis_kbs k WHERE k.analysis_id = a.id AND k.kb = $kb))" +
                    " AND ($node IS NULL OR EXISTS (SELECT 1 FROM analysis_nodes n WHERE n.analysis_id = a.id AND n.node = $node))" +
                    " AND ($since IS NULL OR a.created_at >= $since)";
        (string, object?)[] parameters = [("$kb", filter.Kb), ("$node", filter.Node), ("$since", filter.Since is { } s ? Time(s) : null)];

        using var count = Command(connection, $"SELECT COUNT(*) FROM analyses a {where}", parameters);
        var total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);

        using var page = Command(connection,
            "SELECT a.id, a.status, a.created_at, a.finished_at, a.error, a.records," +
            " (SELECT group_concat(kb, char(10)) FROM (SELECT kb FROM analysis_kbs WHERE analysis_id = a.id ORDER BY kb))," +
            " (SELECT group_concat(node, char(10)) FROM (SELECT node FROM analysis_nodes WHERE analysis_id = a.id ORDER BY node))" +
            $" FROM analyses a {where} ORDER BY a.created_at DESC, a.id LIMIT $limit OFFSET $offset",
            [.. parameters, ("$limit", filter.Limit), ("$offset", filter.Offset)]);
        using var row = page.ExecuteReader();
        var items = new List<AnalysisSummary>();
        while (row.Read())
        {
            items.Add(new AnalysisSummary(row.GetString(0), row.GetString(1), row.GetString(2), Text(row, 3), Text(row, 4), row.GetInt64(5), Lines(Text(row, 6)), Lines(Text(row, 7))));
        }

        return (items, total);
    }

    /// <summary>Deletes the record (inputs and keys cascade) and any kept upload files.</summary>
    public bool Delete(string id)
    {
        using var connection = Open();
        using var command = Command(connection, "DELETE FROM analyses WHERE id = $id", ("$id", id));
        var deleted = command.ExecuteNonQuery() > 0;

        // Only an id that was stored (one the service generated) ever becomes part of a path.
        var kept = UploadFolder(id);
        if (deleted && Directory.Exists(kept))
        {
            Directory.Delete(kept, recursive: true);
        }

        return deleted;
    }

    /// <summary>Where uploads of this analysis are kept; <paramref name="id"/> is always one the service generated.</summary>
    public string UploadFolder(string id) => Path.Combine(_dataFolder, "uploads", id);

    private static IReadOnlyList<string> Lines(string? text) => text is null ? [] : text.Split('\n');

    private static string? Text(SqliteDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connection);
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
