using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Diagnose.Api.Storage;

/// <summary>The embedded store: one file, write-ahead logging, one service instance.</summary>
internal sealed class SqliteDatabase : Database
{
    public SqliteDatabase(StoreLocation location)
        : base(location)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(location.SqliteFile)!);
        using var connection = Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL";
        wal.ExecuteNonQuery();
    }

    // SQLite serialises writers; a job is picked and marked in one UPDATE, so no row can be taken twice.
    public override string SkipLocked => "";

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(Location.ConnectionString);
        connection.Open();
        return connection;
    }

    public override string LinesOf(string column, string table) =>
        $"(SELECT group_concat({column}, char(10)) FROM (SELECT {column} FROM {table} WHERE analysis_id = a.id ORDER BY {column}))";

    public override T WithMigrationLock<T>(Func<DbConnection, DbTransaction, T> work)
    {
        using var connection = Open();
        // BEGIN IMMEDIATE (the default here) takes the write lock first: a second process waits, then sees the new version.
        using var transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    public override void ClearPool() => SqliteConnection.ClearAllPools();
}
