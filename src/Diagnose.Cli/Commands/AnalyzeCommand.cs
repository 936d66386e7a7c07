using System.CommandLine;
using Diagnose.Analysis;
using Diagnose.Clock;
using Diagnose.Cli.Paths;
using Diagnose.Core.Reports;
using Diagnose.Reports;
using Diagnose.Reports.Html;
using Newtonsoft.Json;
using Spectre.Console;

namespace Diagnose.Cli.Commands;

/// <summary><c>diagnose analyze [files or folders…]</c>: with none, analyses each bundled sample incident.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("inputs") { Description = "Log files or folders (searched recursively). None: the bundled sample incidents.", Arity = ArgumentArity.ZeroOrMore };
        var snapshot = new Option<string?>("--snapshot") { Description = "A cluster snapshot JSON file (what no event says: nodes, Clusdb, checkpoints)." };
        var format = new Option<string>("--format") { Description = "table, json, markdown or html (one self-contained page).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "markdown", "html");
        var output = new Option<string?>("--out") { Description = "Write the report to this file instead of standard output." };
        var rules = new Option<string[]>("--rules") { Description = "Extra folder of custom rules (repeatable).", AllowMultipleArgumentsPerToken = false };
        var kb = new Option<string[]>("--kb") { Description = "Extra folder of custom knowledge articles (repeatable)." };
        var whyNot = new Option<string[]>("--why-not") { Description = "Rule id or KB article: say why its rules did not fire, which pattern had no match (repeatable)." };
        var utcOffset = new Option<string[]>("--utc-offset")
        {
            Description = "UTC offset of the CSV and pasted-text times (they carry none): +02:00 for every node, or NODE=+01:00 for one (repeatable). EVTX, EVT, XML and JSON carry UTC and are never shifted.",
        };

        var command = new Command("analyze", "Find documented root causes in exported logs, with evidence and fixes.");
        command.Arguments.Add(paths);
        command.Options.Add(snapshot);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(rules);
        command.Options.Add(kb);
        command.Options.Add(whyNot);
        command.Options.Add(utcOffset);
        command.SetAction(parse =>
        {
            // Every path on the command line is checked before any input is read: a report is never lost at the end.
            var outFile = parse.GetValue(output);
            if (!PathCheck.All(stderr, "analyze",
                    [outFile is null ? null : CommandLinePaths.OutputFile("--out", outFile), .. PathCheck.Folders("--rules", parse.GetValue(rules)), .. PathCheck.Folders("--kb", parse.GetValue(kb))]))
            {
                return ExitCodes.Usage;
            }

            var offsets = parse.GetValue(utcOffset) ?? [];
            try
            {
                UtcOffsets.Parse(offsets);
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine($"diagnose analyze: {e.Message}");
                return ExitCodes.Usage;
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

            var inputs = (parse.GetValue(paths) ?? []).ToList();
            if (parse.GetValue(snapshot) is { } snapshotFile)
            {
                inputs.Insert(0, snapshotFile);
            }

            var options = new AnalyzeOptions { WhyNot = parse.GetValue(whyNot) ?? [], UtcOffsets = offsets };
            try
            {
                engine.WhyNotRules(options.WhyNot);
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine($"diagnose: {e.Message.Split(" (Parameter", 2)[0]}");
                return ExitCodes.Usage;
            }

            var cases = inputs.Count > 0 ? [(Name: (string?)null, Inputs: inputs)] : BundledIncidents();
            var reports = cases.Select(c => (c.Name, Report: Analyze(engine, c.Inputs, options, stderr))).ToList();
            var text = parse.GetValue(format) switch
            {
                "json" when reports.Count == 1 && reports[0].Name is null => ReportJson.Write(reports[0].Report),
                "json" => JsonConvert.SerializeObject(reports.Select(r => new { incident = r.Name, report = r.Report }), ReportJson.Settings),
                // One page that opens offline; the renderer is asynchronous, a console has no context to deadlock.
                "html" => HtmlReport.RenderAsync(reports.Select(r => new NamedReport(r.Name, r.Report)).ToList()).GetAwaiter().GetResult(),
                "markdown" => string.Join(Environment.NewLine, reports.Select(r => (r.Name is null ? "" : $"<!-- {r.Name} -->{Environment.NewLine}") + MarkdownReport.Write(r.Report))),
                _ => string.Join(Environment.NewLine, reports.Select(r => TextReport.Write(r.Report, r.Name))),
            };

            if (outFile is not null)
            {
                File.WriteAllText(outFile, text);
            }
            else
            {
                stdout.WriteLine(text);
            }

            var unreadable = reports.SelectMany(r => r.Report.Inputs).Where(i => i.Unreadable).ToList();
            foreach (var input in unreadable)
            {
                stderr.WriteLine($"diagnose: could not read {input.Path}: {string.Join("; ", input.Errors.Select(TextReport.Describe))}");
            }

            return unreadable.Count > 0 ? ExitCodes.UnreadableInput : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Each folder under samples/incidents beside the program is one case.</summary>
    private static List<(string? Name, List<string> Inputs)> BundledIncidents()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "samples", "incidents");
        return Directory.Exists(root)
            ? Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal).Select(d => ((string?)Path.GetFileName(d), new List<string> { Display(d) })).ToList()
            : [];
    }

    private static string Display(string path)
    {
        // Bundled samples are shown as samples/…, wherever the program was built.
        if (path.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal))
        {
            return Path.GetRelativePath(AppContext.BaseDirectory, path);
        }

        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private static AnalysisReport Analyze(DiagnoseEngine engine, List<string> inputs, AnalyzeOptions options, TextWriter stderr)
    {
        // A progress bar only for a person watching a terminal; nothing extra when stderr is piped.
        if (Console.IsErrorRedirected || !ReferenceEquals(stderr, Console.Error))
        {
            return engine.Analyze(inputs.Select(AnalysisInput.FromFile), options);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        AnalysisReport? report = null;
        console.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("reading");
            report = engine.Analyze(inputs, options with
            {
                Progress = (path, read, total) =>
                {
                    task.Description = Markup.Escape(Path.GetFileName(path));
                    task.MaxValue = Math.Max(1, total);
                    task.Value = read;
                },
            });
        });
        return report!;
    }
}
