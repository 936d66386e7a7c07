using Microsoft.Data.Sqlite;

namespace Diagnose.Api.Storage;

/// <summary>
/// Schema migrations, applied in order inside one transaction each; <c>schema_version</c> records the
/// last one applied. Never edit a shipped migration: add the next one.
/// </summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<string> Steps =
    [
        // 1: analyses with their report (the JSON contract), inputs metadata, and the kb/node keys lists filter on.
        """
        CREATE TABLE analyses (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
            error TEXT,
            report TEXT,
            bytes INTEGER NOT NULL DEFAULT 0,
            records INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX analyses_by_created ON analyses (created_at DESC);
        CREATE TABLE analysis_inputs (
            analysis_id TEXT NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            format TEXT,
            records INTEGER NOT NULL DEFAULT 0,
            unreadable INTEGER NOT NULL DEFAULT 0,
            kept_file TEXT,
            PRIMARY KEY (analysis_id, position)
        );
        CREATE TABLE analysis_kbs (
            analysis_id TEXT NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
            kb TEXT NOT NULL COLLATE NOCASE,
            PRIMARY KEY (analysis_id, kb)
        );
        CREATE TABLE analysis_nodes (
            analysis_id TEXT NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
            node TEXT NOT NULL COLLATE NOCASE,
            PRIMARY KEY (analysis_id, node)
        );
        """,
    ];

    /// <summary>Brings the database to the latest schema; returns the version it is at.</summary>
    public static int Apply(SqliteConnection connection)
    {
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        var current = Convert.ToInt32(Scalar(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (current > Steps.Count)
        {
            throw new InvalidOperationException($"the database is at schema version {current}, newer than this service ({Steps.Count}); use a newer diagnose");
        }

        for (var version = current + 1; version <= Steps.Count; version++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, Steps[version - 1]);
            Execute(connection, transaction, $"DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ({version})");
            transaction.Commit();
        }

        return Steps.Count;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
