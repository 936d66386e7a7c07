namespace Diagnose.Api.Storage;

/// <summary>One numbered schema change, written once per dialect; both stores apply the same numbers in the same order.</summary>
internal sealed record Migration(int Version, string What, string Sqlite, string PostgreSql)
{
    public string For(StoreKind kind) => kind == StoreKind.PostgreSql ? PostgreSql : Sqlite;
}
