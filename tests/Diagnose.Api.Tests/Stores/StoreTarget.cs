using Diagnose.Api.Instances;
using Diagnose.Api.Storage;
using Microsoft.Extensions.Options;

namespace Diagnose.Api.Tests.Stores;

/// <summary>
/// One empty store of either kind, with as many "instances" on it as a test needs (each its own
/// <see cref="AnalysisStore"/> and <see cref="ReanalysisStore"/> with its own id), torn down on dispose.
/// </summary>
internal sealed class StoreTarget : IDisposable
{
    public StoreTarget(string kind, double leaseSeconds = 30)
    {
        Root = Path.Combine(Path.GetTempPath(), "diagnose-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Kind = kind;
        Database = kind switch
        {
            "sqlite" => Path.Combine(Root, "diagnose.db"),
            "postgresql" => TestPostgres.CreateDatabase(),
            _ => throw new ArgumentException(kind),
        };
        LeaseSeconds = leaseSeconds;
    }

    public string Kind { get; }

    public string Root { get; }

    /// <summary>The --db value: a SQLite file or a postgresql:// URL.</summary>
    public string Database { get; }

    public double LeaseSeconds { get; }

    public string Uploads => Path.Combine(Root, "uploads");

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public (AnalysisStore Analyses, ReanalysisStore Jobs, Database Database) Instance(string id)
    {
        var options = Options.Create(new ApiOptions { Database = Database, Uploads = Uploads, InstanceId = id, LeaseSeconds = LeaseSeconds });
        var database = Storage.Database.Create(StoreLocation.Parse(Database));
        var identity = new InstanceIdentity(options);
        return (new AnalysisStore(database, options, identity), new ReanalysisStore(database, options, identity), database);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Kind == "postgresql")
        {
            TestPostgres.Drop(Database);
        }

        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
