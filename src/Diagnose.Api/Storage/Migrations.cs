namespace Diagnose.Api.Storage;

/// <summary>
/// Schema migrations, the same numbers for SQLite and PostgreSQL, applied in order under the store's
/// migration lock, all pending ones in one transaction; <c>schema_version</c> records the last one applied.
/// Never edit a shipped migration: add the next one.
/// </summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<Migration> Steps =
    [
        new(1, "analyses with their report (the JSON contract), inputs metadata, and the kb/node keys lists filter on",
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
            """
            CREATE TABLE analyses (
                id TEXT PRIMARY KEY,
                created_at TEXT COLLATE "C" NOT NULL,
                finished_at TEXT COLLATE "C",
                status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
                error TEXT,
                report TEXT,
                bytes BIGINT NOT NULL DEFAULT 0,
                records BIGINT NOT NULL DEFAULT 0
            );
            CREATE INDEX analyses_by_created ON analyses (created_at DESC);
            CREATE TABLE analysis_inputs (
                analysis_id TEXT NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                format TEXT,
                records BIGINT NOT NULL DEFAULT 0,
                unreadable INTEGER NOT NULL DEFAULT 0,
                kept_file TEXT,
                PRIMARY KEY (analysis_id, position)
            );
            CREATE TABLE analysis_kbs (
                analysis_id TEXT NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
                kb TEXT NOT NULL,
                PRIMARY KEY (analysis_id, kb)
            );
            CREATE TABLE analysis_nodes (
                analysis_id TEXT NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
                node TEXT NOT NULL,
                PRIMARY KEY (analysis_id, node)
            );
            """),
        new(2, "the instance running an analysis and its lease; kept files relative to the uploads folder; re-analysis jobs",
            """
            ALTER TABLE analyses ADD COLUMN instance_id TEXT;
            ALTER TABLE analyses ADD COLUMN lease_until TEXT;
            CREATE INDEX analyses_by_lease ON analyses (status, lease_until);
            UPDATE analysis_inputs SET kept_file = substr(kept_file, 9) WHERE kept_file LIKE 'uploads/%';
            CREATE TABLE reanalyses (
                id TEXT PRIMARY KEY,
                created_at TEXT NOT NULL,
                label TEXT,
                selection TEXT NOT NULL,
                total INTEGER NOT NULL
            );
            CREATE TABLE reanalysis_jobs (
                id INTEGER PRIMARY KEY,
                reanalysis_id TEXT NOT NULL REFERENCES reanalyses (id) ON DELETE CASCADE,
                analysis_id TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
                instance_id TEXT,
                lease_until TEXT,
                attempts INTEGER NOT NULL DEFAULT 0,
                before_verdicts TEXT,
                after_verdicts TEXT,
                changed INTEGER,
                error TEXT,
                finished_at TEXT,
                UNIQUE (reanalysis_id, analysis_id)
            );
            CREATE INDEX reanalysis_jobs_by_state ON reanalysis_jobs (state, lease_until);
            """,
            """
            ALTER TABLE analyses ADD COLUMN instance_id TEXT;
            ALTER TABLE analyses ADD COLUMN lease_until TEXT COLLATE "C";
            CREATE INDEX analyses_by_lease ON analyses (status, lease_until);
            UPDATE analysis_inputs SET kept_file = substr(kept_file, 9) WHERE kept_file LIKE 'uploads/%';
            CREATE TABLE reanalyses (
                id TEXT PRIMARY KEY,
                created_at TEXT COLLATE "C" NOT NULL,
                label TEXT,
                selection TEXT NOT NULL,
                total INTEGER NOT NULL
            );
            CREATE TABLE reanalysis_jobs (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                reanalysis_id TEXT NOT NULL REFERENCES reanalyses (id) ON DELETE CASCADE,
                analysis_id TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
                instance_id TEXT,
                lease_until TEXT COLLATE "C",
                attempts INTEGER NOT NULL DEFAULT 0,
                before_verdicts TEXT,
                after_verdicts TEXT,
                changed INTEGER,
                error TEXT,
                finished_at TEXT COLLATE "C",
                UNIQUE (reanalysis_id, analysis_id)
            );
            CREATE INDEX reanalysis_jobs_by_state ON reanalysis_jobs (state, lease_until);
            """),
    ];

    public static int Latest => Steps.Count;

    /// <summary>Brings the store to the latest schema under its migration lock; returns the version it is at.</summary>
    public static int Apply(Database database) => database.WithMigrationLock((connection, transaction) =>
    {
        Sql.Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        var current = (int)Sql.Long(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
        if (current > Steps.Count)
        {
            throw new InvalidOperationException($"the database is at schema version {current}, newer than this service ({Steps.Count}); use a newer diagnose");
        }

        foreach (var step in Steps.Skip(current))
        {
            Sql.Execute(connection, transaction, step.For(database.Kind));
            Sql.Execute(connection, transaction, "DELETE FROM schema_version");
            Sql.Execute(connection, transaction, "INSERT INTO schema_version (version) VALUES (@version)", ("@version", step.Version));
        }

        return Steps.Count;
    });
}
