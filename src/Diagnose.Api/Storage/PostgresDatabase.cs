using System.Data.Common;
using Npgsql;

namespace Diagnose.Api.Storage;

/// <summary>The shared store: a PostgreSQL server reached through Npgsql, used by any number of instances.</summary>
internal sealed class PostgresDatabase : Database
{
    // pg_advisory_lock key of the migrations: any constant all instances agree on ("DIAGNOSE" in ASCII, truncated).
    private const long MigrationLockKey = 0x4449_4147_4E4F_5345;

    private readonly NpgsqlDataSource _source;

    public PostgresDatabase(StoreLocation location)
        : base(location)
    {
        _source = NpgsqlDataSource.Create(location.ConnectionString);
    }

    // https://www.postgresql.org/docs/current/sql-select.html#SQL-FOR-UPDATE-SHARE: "With SKIP LOCKED, any
    // selected rows that cannot be immediately locked are skipped", so each picker gets a different job.
    public override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    public override DbConnection Open() => _source.OpenConnection();

    public override string LinesOf(string column, string table) =>
        $"(SELECT string_agg({column}, chr(10) ORDER BY {column}) FROM {table} WHERE analysis_id = a.id)";

    public override T WithMigrationLock<T>(Func<DbConnection, DbTransaction, T> work)
    {
        using var connection = Open();
        // Session-level advisory lock (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS):
        // a second instance blocks here until the first has committed its migrations.
        Sql.Execute(connection, null, "SELECT pg_advisory_lock(@key)", ("@key", MigrationLockKey));
        try
        {
            using var transaction = connection.BeginTransaction();
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            Sql.Execute(connection, null, "SELECT pg_advisory_unlock(@key)", ("@key", MigrationLockKey));
        }
    }

    public override void ClearPool() => NpgsqlConnection.ClearAllPools();
}
