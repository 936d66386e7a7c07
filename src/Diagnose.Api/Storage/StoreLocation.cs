using Npgsql;

namespace Diagnose.Api.Storage;

/// <summary>
/// Where the store is, from <c>--db</c>: a <c>postgresql://</c> or <c>postgres://</c> URL (libpq's URI form:
/// <c>user[:password]@host[:port]/database</c>) selects PostgreSQL; anything else is a SQLite file path.
/// </summary>
internal sealed record StoreLocation(StoreKind Kind, string ConnectionString, string Display, string? SqliteFile)
{
    private static readonly string[] Schemes = ["postgresql", "postgres"];

    public static StoreLocation Parse(string database)
    {
        if (TryParse(database, out var location, out var error))
        {
            return location;
        }

        throw new ArgumentException(error);
    }

    public static bool TryParse(string database, out StoreLocation location, out string error)
    {
        location = null!;
        error = "";
        var scheme = database.IndexOf("://", StringComparison.Ordinal) is var at and > 0 ? database[..at] : null;
        if (scheme is null || !Schemes.Contains(scheme, StringComparer.OrdinalIgnoreCase))
        {
            var file = Path.GetFullPath(database);
            location = new StoreLocation(StoreKind.Sqlite, new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = file, ForeignKeys = true, Pooling = true }.ToString(), file, file);
            return true;
        }

        if (!Uri.TryCreate(database, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            error = $"'{Mask(database)}' is not a PostgreSQL URL: expected postgresql://user[:password]@host[:port]/database";
            return false;
        }

        var name = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var user = uri.UserInfo.Split(':', 2);
        if (name.Length == 0 || user[0].Length == 0)
        {
            error = $"'{Mask(database)}' names no {(name.Length == 0 ? "database" : "user")}: expected postgresql://user[:password]@host[:port]/database";
            return false;
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = name,
            Username = Uri.UnescapeDataString(user[0]),
            Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
            // Room for every instance's request threads and background workers; PostgreSQL's default is 100 connections.
            MaxPoolSize = 30,
        };

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || !parts[0].Equals("sslmode", StringComparison.OrdinalIgnoreCase) || !Enum.TryParse<SslMode>(parts[1], ignoreCase: true, out var mode))
            {
                error = $"'{Mask(database)}': only the parameter sslmode=disable|allow|prefer|require|verify-ca|verify-full is understood, not '{parts[0]}'";
                return false;
            }

            builder.SslMode = mode;
        }

        location = new StoreLocation(StoreKind.PostgreSql, builder.ConnectionString, Mask(database), null);
        return true;
    }

    /// <summary>The URL without its password, for logs, errors and <c>/health</c>.</summary>
    private static string Mask(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var at = url.LastIndexOf('@');
        var colon = at > start ? url.IndexOf(':', start, at - start) : -1;
        return colon > 0 ? url[..(colon + 1)] + "***" + url[at..] : url;
    }
}
