using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Diagnose.Analysis;
using Diagnose.Cli.Paths;
using Diagnose.Decisions;
using Diagnose.Knowledge.Loading;
using Diagnose.Rules.Engine;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Loading;
using Diagnose.Rules.Testing;

namespace Diagnose.Cli.Commands;

/// <summary>
/// <c>diagnose rules check|test|run</c>: validate the built-in and custom rules and articles, run the
/// examples written beside the rules, or run a rule set over a file of plain facts.
/// </summary>
internal static class RulesCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("rules", "Work with rule files.");
        command.Subcommands.Add(Check(stdout, stderr));
        command.Subcommands.Add(Test(stdout, stderr));
        command.Subcommands.Add(Run(stdout, stderr));
        return command;
    }

    private static Command Check(TextWriter stdout, TextWriter stderr)
    {
        var (rules, kb) = (RulesOption(), KbOption());
        var check = new Command("check", "Validate every rule, event catalog, resource table and article; exit 0 only when all are valid.");
        check.Options.Add(rules);
        check.Options.Add(kb);
        check.SetAction(parse =>
        {
            if (!PathCheck.All(stderr, "rules check", [.. PathCheck.Folders("--rules", parse.GetValue(rules)), .. PathCheck.Folders("--kb", parse.GetValue(kb))]))
            {
                return ExitCodes.Usage;
            }

            if (Load(parse.GetValue(rules), parse.GetValue(kb), stderr) is not { } engine)
            {
                return ExitCodes.BadRules;
            }

            stdout.WriteLine($"{engine.Rules.Rules.Count} rules, {engine.Events.Entries.Count} catalogued events, {engine.Resources.Services.Count} resources and {engine.Knowledge.Articles.Count()} articles are valid.");
            return ExitCodes.Ok;
        });
        return check;
    }

    private static Command Test(TextWriter stdout, TextWriter stderr)
    {
        var (rules, kb) = (RulesOption(), KbOption());
        var test = new Command("test", "Run the examples beside the rules (facts that must fire a rule, near misses that must not) and the articles' decision tables (each case written as logs in every format and analysed); exit 0 only when all behave.");
        test.Options.Add(rules);
        test.Options.Add(kb);
        test.SetAction(parse =>
        {
            if (!PathCheck.All(stderr, "rules test", [.. PathCheck.Folders("--rules", parse.GetValue(rules)), .. PathCheck.Folders("--kb", parse.GetValue(kb))]))
            {
                return ExitCodes.Usage;
            }

            if (Load(parse.GetValue(rules), parse.GetValue(kb), stderr) is not { } engine)
            {
                return ExitCodes.BadRules;
            }

            var results = ExampleRunner.RunAll(engine.Rules);
            foreach (var result in results)
            {
                stdout.WriteLine(result);
            }

            var failed = results.Count(r => !r.Passed);
            var untested = engine.Rules.Rules.Count(r => r.Examples.Count == 0);
            stdout.WriteLine($"{results.Count - failed} of {results.Count} examples behave; {untested} rule(s) have no examples.");

            // The decision tables' cases run end to end: written as log files in each format, analysed, compared.
            var cases = DecisionTableRunner.RunAll(engine);
            foreach (var result in cases)
            {
                stdout.WriteLine(result);
            }

            var casesFailed = cases.Count(c => !c.Passed);
            var rows = engine.Decisions.Sum(t => t.Rows.Count);
            stdout.WriteLine($"{cases.Count - casesFailed} of {cases.Count} decision-table cases behave ({rows} rows of {engine.Decisions.Count} tables, each case in {DecisionTableRunner.AllFormats.Count} formats).");
            return failed == 0 && casesFailed == 0 ? ExitCodes.Ok : ExitCodes.ExamplesFailed;
        });
        return test;
    }

    private static Command Run(TextWriter stdout, TextWriter stderr)
    {
        var rules = new Option<string[]>("--rules") { Description = "Folder of rules and their fact schemas (repeatable).", Required = true };
        var facts = new Option<string>("--facts") { Description = "Facts file: one JSON object per line with 'type' and the fact's fields.", Required = true };
        var format = new Option<string>("--format") { Description = "json or text.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("json", "text");
        var whyNot = new Option<string[]>("--why-not") { Description = "Rule id or KB article: explain which pattern stopped its rules (repeatable)." };
        var explain = new Option<bool>("--explain") { Description = "Print the proof of every firing (text format)." };
        var run = new Command("run", "Run rules over a file of plain facts, streaming in time order, and count the firings per rule.");
        run.Options.Add(rules);
        run.Options.Add(facts);
        run.Options.Add(format);
        run.Options.Add(whyNot);
        run.Options.Add(explain);
        run.SetAction(parse =>
        {
            var path = parse.GetValue(facts)!;
            if (!PathCheck.All(stderr, "rules run", [.. PathCheck.Folders("--rules", parse.GetValue(rules)), CommandLinePaths.InputFile("--facts", path)]))
            {
                return ExitCodes.Usage;
            }

            var clock = Stopwatch.StartNew();
            var loaded = RuleLoader.Load(parse.GetValue(rules)!, new LazyCatalog());
            if (!loaded.Ok)
            {
                stderr.WriteLine(string.Join(Environment.NewLine, loaded.Problems));
                return ExitCodes.BadRules;
            }

            var session = new RuleSession(loaded.RuleSet);
            var reader = new FactLinesReader(loaded.RuleSet.Schemas);
            long count = 0;
            foreach (var fact in reader.Read(path))
            {
                // Facts stream in time order: the clock moves on, closed windows fire and old facts are forgotten.
                if (fact.Schema.Field("time") is { Type: FieldType.Time } time && fact.Values[time.Index] is DateTime t)
                {
                    session.Advance(t);
                }

                session.Insert(fact);

                // Most facts are garbage at once (no pattern wants them). The GC's first budget grows with the
                // CPU cache (about 60 MB on a 260 MiB-L3 host), so collect the young generation every 4k facts
                // to keep memory bounded by what the rules remember rather than by the cache size.
                if ((++count & 0xFFF) == 0)
                {
                    GC.Collect(0, GCCollectionMode.Forced, blocking: true);
                }
            }

            session.Run();
            var elapsed = clock.ElapsedMilliseconds;
            foreach (var problem in reader.Problems)
            {
                stderr.WriteLine(problem);
            }

            if (session.LateFacts > 0)
            {
                stderr.WriteLine($"{path}: {session.LateFacts} fact(s) came out of time order; they were matched against what was still remembered");
            }

            var targets = (parse.GetValue(whyNot) ?? []).SelectMany(w => loaded.RuleSet.Rules.Where(r => r.Id == w || r.Kb == w)).ToList();
            var firings = loaded.RuleSet.Rules.ToDictionary(r => r.Id, r => session.FiringCounts.GetValueOrDefault(r.Id));
            if (parse.GetValue(format) == "json")
            {
                var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("facts", count);
                    writer.WriteStartObject("firings");
                    foreach (var (id, n) in firings)
                    {
                        writer.WriteNumber(id, n);
                    }

                    writer.WriteEndObject();
                    writer.WriteNumber("elapsedMs", elapsed);
                    if (targets.Count > 0)
                    {
                        writer.WriteStartObject("whyNot");
                        foreach (var rule in targets)
                        {
                            writer.WriteString(rule.Id, session.WhyNot(rule.Id).ToString());
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndObject();
                }

                stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                stdout.WriteLine($"{count} facts, {session.Firings.Count} firings in {elapsed} ms");
                foreach (var (id, n) in firings)
                {
                    stdout.WriteLine($"  {id}: {n}");
                }

                if (parse.GetValue(explain))
                {
                    foreach (var activation in session.Firings)
                    {
                        stdout.WriteLine(ProofWriter.Write(activation));
                    }
                }

                foreach (var rule in targets)
                {
                    stdout.WriteLine(session.WhyNot(rule.Id));
                }
            }

            return reader.Problems.Count > 0 ? ExitCodes.UnreadableInput : ExitCodes.Ok;
        });
        return run;
    }

    private static Option<string[]> RulesOption() => new("--rules") { Description = "Extra folder of custom rules (repeatable)." };

    private static Option<string[]> KbOption() => new("--kb") { Description = "Extra folder of custom knowledge articles (repeatable)." };

    private static DiagnoseEngine? Load(string[]? rules, string[]? kb, TextWriter stderr)
    {
        try
        {
            return DiagnoseEngine.Load(new EngineOptions { ExtraRuleFolders = rules ?? [], ExtraKnowledgeFolders = kb ?? [] });
        }
        catch (EngineLoadException e)
        {
            stderr.WriteLine(e.Message);
            return null;
        }
    }

    /// <summary>The built-in articles, loaded only if a rule cites one, so a rule set without articles starts fast.</summary>
    private sealed class LazyCatalog : IArticleCatalog
    {
        private IArticleCatalog? _loaded;

        public bool HasArticle(string id) => Loaded.HasArticle(id);

        public bool HasPlan(string article, string plan) => Loaded.HasPlan(article, plan);

        private IArticleCatalog Loaded => _loaded ??= ArticleLoader.Load([Path.Combine(AppContext.BaseDirectory, "kb")]).Knowledge;
    }
}
