using System.CommandLine;
using System.Globalization;
using Diagnose.Analysis;
using Diagnose.Api;

namespace Diagnose.Cli.Commands;

/// <summary><c>diagnose serve</c>: the REST service (src/Diagnose.Api) until Ctrl+C or SIGTERM, which stop it gracefully.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on, separated by ';'.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var db = new Option<string?>("--db") { Description = "The store: a SQLite file (created with its folder), or postgresql://user[:password]@host[:port]/database (also postgres://) shared by several instances. Default: diagnose-data/diagnose.db." };
        var uploads = new Option<string?>("--uploads") { Description = "Folder of kept uploads, reached by every instance. Default: uploads beside the SQLite file, or diagnose-data/uploads." };
        var lease = new Option<double?>("--lease") { Description = "Seconds an instance's claim on a running analysis or job lasts without renewal; after it, another instance recovers the work. Default: 30." };
        var instanceId = new Option<string?>("--instance-id") { Description = "This instance's id in the store and in its logs. Default: host name, process id and a random suffix." };
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
        command.Options.Add(uploads);
        command.Options.Add(lease);
        command.Options.Add(instanceId);
        lease.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } seconds && seconds is < 1 or > 3600)
            {
                result.AddError("--lease: between 1 and 3600 seconds");
            }
        });
        db.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !ApiOptions.IsValidDatabase(value, out var error))
            {
                result.AddError($"--db: {error}");
            }
        });
        command.SetAction(parse =>
        {
            List<string> args = ["--urls", parse.GetValue(urls)!];
            if (parse.GetValue(db) is { } file)
            {
                args.Add($"--{ApiOptions.Section}:{nameof(ApiOptions.Database)}={file}");
            }

            if (ByteSizes.TryParse(parse.GetValue(maxUpload), out var bytes, out _))
            {
                args.Add($"--{ApiOptions.Section}:{nameof(ApiOptions.MaxUploadBytes)}={bytes.ToString(CultureInfo.InvariantCulture)}");
            }

            if (parse.GetValue(uploads) is { } folder)
            {
                args.Add($"--{ApiOptions.Section}:{nameof(ApiOptions.Uploads)}={folder}");
            }

            if (parse.GetValue(lease) is { } seconds)
            {
                args.Add($"--{ApiOptions.Section}:{nameof(ApiOptions.LeaseSeconds)}={seconds.ToString(CultureInfo.InvariantCulture)}");
            }

            if (parse.GetValue(instanceId) is { Length: > 0 } instance)
            {
                args.Add($"--{ApiOptions.Section}:{nameof(ApiOptions.InstanceId)}={instance}");
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
                if (app.Services.GetService(typeof(Diagnose.Api.Instances.StoreReadiness)) is Diagnose.Api.Instances.StoreReadiness { Failure: { } failure })
                {
                    stderr.WriteLine($"diagnose serve: the store could not be prepared: {failure}");
                    return ExitCodes.StoreUnavailable;
                }

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
}
