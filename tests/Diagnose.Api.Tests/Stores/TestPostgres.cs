using System.Diagnostics;
using Npgsql;

namespace Diagnose.Api.Tests.Stores;

/// <summary>
/// The PostgreSQL server the tests use: <c>DIAGNOSE_TEST_POSTGRES</c> (a postgresql:// URL; <c>.ci/run</c> starts a
/// server and sets it). When it is not set, the repository's <c>.ci/postgres start</c> is run once for this test
/// run, and stopped at the end. Never skipped: an unreachable server fails the test with the reason.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "DIAGNOSE_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(Find, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? _startedDir;

    /// <summary>A fresh, empty database on the server, as a postgresql:// URL; <see cref="Drop"/> removes it.</summary>
    public static string CreateDatabase()
    {
        var server = Server.Value;
        var name = "diagnose_test_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            using var connection = new NpgsqlConnection(Diagnose.Api.Storage.StoreLocation.Parse(server).ConnectionString);
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            Assert.Fail($"{Variable}={server} is set but the PostgreSQL server is unreachable: {e.Message}");
        }

        return server[..(server.LastIndexOf('/') + 1)] + name;
    }

    public static void Drop(string url)
    {
        NpgsqlConnection.ClearAllPools();
        var server = Server.Value;
        using var connection = new NpgsqlConnection(Diagnose.Api.Storage.StoreLocation.Parse(server).ConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {url[(url.LastIndexOf('/') + 1)..]} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    /// <summary>Stops a server this run started itself (none when the variable was set).</summary>
    public static void StopStarted()
    {
        if (_startedDir is not null)
        {
            Run("stop", _startedDir);
        }
    }

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url)
        {
            return url;
        }

        var output = Run("start");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _startedDir = lines.FirstOrDefault(l => l.StartsWith("export DIAGNOSE_PG_DIR=", StringComparison.Ordinal))?.Split('=', 2)[1];
        return lines.FirstOrDefault(l => l.StartsWith($"export {Variable}=", StringComparison.Ordinal))?.Split('=', 2)[1]
            ?? throw new AssertFailedException($".ci/postgres start printed no {Variable}: {output}");
    }

    private static string Run(params string[] arguments)
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, ".ci", "postgres")))
        {
            root = Path.GetDirectoryName(root);
        }

        if (root is null)
        {
            throw new AssertFailedException($"{Variable} is not set and .ci/postgres was not found above {AppContext.BaseDirectory}: set {Variable} to a postgresql:// URL of a server the tests may create databases on");
        }

        var start = new ProcessStartInfo("bash", [Path.Combine(root, ".ci", "postgres"), .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new AssertFailedException($"{Variable} is not set and .ci/postgres {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout;
    }
}
