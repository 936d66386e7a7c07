namespace Diagnose.Api.Storage;

/// <summary>Which database holds the analyses: the embedded default, or a server shared by several instances.</summary>
public enum StoreKind
{
    Sqlite,
    PostgreSql,
}
