using System.Data.Common;

namespace Diagnose.Api.Storage;

/// <summary>
/// What differs between the two stores: how to connect, how to hold the migration lock, and the few SQL
/// phrases the two dialects spell differently. Everything else is the same SQL (parameters are <c>@name</c>).
/// </summary>
internal abstract class Database
{
    protected Database(StoreLocation location)
    {
        Location = location;
    }

    public StoreLocation Location { get; }

    public StoreKind Kind => Location.Kind;

    /// <summary>Appended to a job-picking <c>SELECT</c>: PostgreSQL lets concurrent pickers pass over rows another one holds.</summary>
    public abstract string SkipLocked { get; }

    public static Database Create(StoreLocation location) => location.Kind switch
    {
        StoreKind.PostgreSql => new PostgresDatabase(location),
        _ => new SqliteDatabase(location),
    };

    public abstract DbConnection Open();

    /// <summary>A subquery giving the sorted values of <paramref name="column"/> of <paramref name="table"/> for analysis <c>a</c>, one per line.</summary>
    public abstract string LinesOf(string column, string table);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction while holding the store-wide migration lock, so
    /// instances that start together migrate once and the others see the finished schema.
    /// </summary>
    public abstract T WithMigrationLock<T>(Func<DbConnection, DbTransaction, T> work);

    /// <summary>Drops pooled connections (tests, and a clean stop).</summary>
    public abstract void ClearPool();
}
