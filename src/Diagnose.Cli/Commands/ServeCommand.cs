using System.CommandLine;
using System.Globalization;
using Diagnose.Analysis;
using Diagnose.Api;
using Diagnose.Cli.Paths;

namespace Diagnose.Cli.Commands;

/// <summary><c>diagnose serve</c>: the REST service (src/Diagnose.Api) until Ctrl+C or SIGTERM, which stop it gracefully.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on, separated by ';'.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var db = new Option<string?>("--db") { Description = "SQLite database file (created with its folder); kept uploads go beside it. Default: diagnose-data/diagnose.db." };
        var maxUpload = new Option<string?>("--max-upload") { Description = "Largest upload: bytes, or with a KB, MB or GB suffix. Default: 256MB." };
        var apiKey = new Option<string?>("--api-key") { Description = "Require this key in the X-Api-Key header of every /api request." };
        maxUpload.Validators.Add(result =>
        {
            if (!ByteSizes.TryParse(result.GetValueOrDefault<string?>(), out _, out var error))
            {
                result.AddError($"--max-upload: {error}");
            }
        });

        var command = new Command("serve", "Run the REST service: upload logs for analysis, list and read stored analyses, rules and articles.");
        command.Options.Add(urls);
        command.Options.Add(db);
        command.Options.Add(maxUpload);
        command.Options.Add(apiKey);
        command.SetAction(parse =>
        {
            var database = parse.GetValue(db) ?? new ApiOptions().Database;
            if (!PathCheck.All(stderr, "serve", DatabasePath(database)))
            {
                return ExitCodes.Usage;
            }

            List<string> args = ["--urls", parse.GetValue(urls)!];
            if (parse.GetValue(db) is { } file)
            {
                args.Add($"--{ApiOptions.Section}:{nameof(ApiOptions.Database)}={file}");
            }

            if (ByteSizes.TryParse(parse.GetValue(maxUpload), out var bytes, out _))
            {
                args.Add($"--{ApiOptions.Section}:{nameof(ApiOptions.MaxUploadBytes)}={bytes.ToString(CultureInfo.InvariantCulture)}");
            }

            if (parse.GetValue(apiKey) is { Length: > 0 } key)
            {
                args.Add($"--{ApiOptions.Section}:{nameof(ApiOptions.ApiKey)}={key}");
            }

            try
            {
                var app = ApiHost.Build([.. args]);
                stdout.WriteLine($"diagnose serve: listening on {parse.GetValue(urls)} (API reference at /scalar, OpenAPI at /openapi/v1.json); Ctrl+C stops");
                stdout.Flush(); // stdout is buffered (Program.cs); the service runs until stopped
                app.Run();
                return ExitCodes.Ok;
            }
            catch (EngineLoadException e)
            {
                stderr.WriteLine(e.Message);
                return ExitCodes.BadRules;
            }
        });
        return command;
    }

    /// <summary>The database's folder is created and writable, and the database is a file (or not there yet).</summary>
    private static string? DatabasePath(string database)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(database))!;
        return CommandLinePaths.OutputFolder("--db folder", folder) ?? CommandLinePaths.OutputFile("--db", database);
    }
}
