using System.CommandLine;
using System.Globalization;
using Diagnose.Analysis;
using Diagnose.Api;
using Diagnose.Api.Reanalysis;

namespace Diagnose.Cli.Commands;

/// <summary><c>diagnose reanalyze</c>: runs the stored cases again with the current (or given) rules and prints the verdict diff.</summary>
internal static class ReanalyzeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = new Option<string?>("--db") { Description = "The store: a SQLite file or postgresql://user[:password]@host[:port]/database. Default: diagnose-data/diagnose.db." };
        var uploads = new Option<string?>("--uploads") { Description = "Folder of kept uploads. Default: uploads beside the SQLite file, or diagnose-data/uploads." };
        var rules = new Option<string[]>("--rules") { Description = "Extra folder of rules (repeatable).", AllowMultipleArgumentsPerToken = false };
        var kb = new Option<string[]>("--kb") { Description = "Extra folder of knowledge articles (repeatable)." };
        var article = new Option<string?>("--article") { Description = "Only the cases diagnosed with this article (for example Q188674)." };
        var since = new Option<string?>("--since") { Description = "Only cases created at or after this time (ISO-8601)." };
        var until = new Option<string?>("--until") { Description = "Only cases created before this time (ISO-8601)." };
        var label = new Option<string?>("--label") { Description = "A label for this run, such as the rules version." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command("reanalyze", "Analyse the stored cases (those with kept uploads) again with the current rules and show which verdicts change.");
        foreach (var option in new Option[] { db, uploads, rules, kb, article, since, until, label, format })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var options = new ApiOptions { Uploads = parse.GetValue(uploads), ReanalysisWorkers = 1 };
            if (parse.GetValue(db) is { } database)
            {
                options.Database = database;
            }

            if (!ApiOptions.IsValidDatabase(options.Database, out var error))
            {
                stderr.WriteLine($"--db: {error}");
                return ExitCodes.Usage;
            }

            DateTimeOffset? from = null, to = null;
            foreach (var (name, text, set) in new (string, string?, Action<DateTimeOffset>)[] { ("--since", parse.GetValue(since), t => from = t), ("--until", parse.GetValue(until), t => to = t) })
            {
                if (text is null)
                {
                    continue;
                }

                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    stderr.WriteLine($"{name}: '{text}' is not a date and time: expected ISO-8601, for example 2024-05-01T00:00:00Z");
                    return ExitCodes.Usage;
                }

                set(parsed);
            }

            DiagnoseEngine engine;
            try
            {
                engine = DiagnoseEngine.Load(new EngineOptions { ExtraRuleFolders = parse.GetValue(rules) ?? [], ExtraKnowledgeFolders = parse.GetValue(kb) ?? [] });
            }
            catch (EngineLoadException e)
            {
                stderr.WriteLine(e.Message);
                return ExitCodes.BadRules;
            }

            ReanalysisStatus status;
            try
            {
                status = ReanalysisRun.Execute(options, engine, new ReanalysisSelection(parse.GetValue(article), from, to), parse.GetValue(label), CancellationToken.None);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or TimeoutException or System.Net.Sockets.SocketException)
            {
                stderr.WriteLine($"the store could not be used: {e.Message}");
                return ExitCodes.StoreUnavailable;
            }

            if (parse.GetValue(format) == "json")
            {
                stdout.WriteLine(ReanalysisResource.Text(status));
                return ExitCodes.Ok;
            }

            stdout.WriteLine($"{status.Total} cases analysed again: {status.Done} done ({status.Changes.Count} changed, {status.Unchanged} unchanged), {status.Failed} failed, {status.Retried} retried");
            foreach (var change in status.Changes)
            {
                stdout.WriteLine($"{change.AnalysisId}");
                stdout.WriteLine($"  before: {Describe(change.Before)}");
                stdout.WriteLine($"  after:  {Describe(change.After)}");
            }

            foreach (var failure in status.Failures)
            {
                stdout.WriteLine($"{failure.AnalysisId} failed: {failure.Error}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(IReadOnlyList<VerdictLine> lines) =>
        lines.Count == 0 ? "no diagnosis" : string.Join("; ", lines.Select(l => $"{l.Kb} {l.Rule} plan {l.Plan ?? "-"} {l.Verdict ?? "-"}"));
}
