using System.CommandLine;
using System.CommandLine.Invocation;
using Diagnose.Analysis;
using Diagnose.Cli.Paths;
using Diagnose.Simulation.Output;
using Diagnose.Simulation.Scenarios;

namespace Diagnose.Cli.Commands;

/// <summary>
/// <c>diagnose simulate &lt;scenario&gt; --out &lt;dir&gt; [--seed n] [--nodes n] [--noise n] [--log-format evtx|xml|json]</c>: runs a
/// scenario on the simulated cluster and writes per-node logs (.evtx by default) and the snapshot, ready for <c>diagnose analyze &lt;dir&gt;</c>.
/// <c>--list</c> lists the scenarios.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = new Argument<string?>("scenario") { Description = "An article id (KB293302, Q188674, Q217147) or a named variant (see --list).", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--out") { Description = "Folder to write the logs and snapshot.json into (created if missing).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed for every choice the scenario makes (same seed, same files).", DefaultValueFactory = _ => 1 };
        var nodes = new Option<int?>("--nodes") { Description = "Number of nodes, 2 to 4 (default: chosen by the seed)." };
        var noise = new Option<int>("--noise") { Description = "Number of everyday noise events.", DefaultValueFactory = _ => 20 };
        var logFormat = new Option<string>("--log-format") { Description = "Format of the per-node logs: evtx (binary event log), xml (Event Viewer XML) or json (Get-WinEvent | ConvertTo-Json).", DefaultValueFactory = _ => "evtx" };
        logFormat.AcceptOnlyFromAmong("evtx", "xml", "json");
        var kb = new Option<string[]>("--kb") { Description = "Extra folder of custom knowledge articles whose incidents are scenarios too (repeatable)." };
        var rules = new Option<string[]>("--rules") { Description = "Extra folder of custom rules, event catalogs and resource tables; the simulator writes the events of its catalogs too (repeatable)." };

        // --list runs on its own (like --help), so --out can be required for every other use and says so in the help.
        var list = new Option<bool>("--list") { Description = "List the scenarios (no --out needed).", Action = new ListAction(kb, rules, stdout, stderr) };
        nodes.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 2 or > 4)
            {
                r.AddError("--nodes must be between 2 and 4");
            }
        });
        noise.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--noise cannot be negative");
            }
        });

        var command = new Command("simulate", "Run an article's incident (or a healthy run) on the simulated cluster and write its logs and snapshot.");
        command.Arguments.Add(scenario);
        command.Options.Add(list);
        command.Options.Add(output);
        command.Options.Add(seed);
        command.Options.Add(nodes);
        command.Options.Add(noise);
        command.Options.Add(logFormat);
        command.Options.Add(kb);
        command.Options.Add(rules);
        command.SetAction(parse =>
        {
            var name = parse.GetValue(scenario);
            var folder = parse.GetValue(output);
            if (name is null || folder is null)
            {
                stderr.WriteLine("diagnose simulate: give a scenario and --out <dir> (or --list)");
                return ExitCodes.Usage;
            }

            // Every path is checked before the articles are loaded and the scenario runs.
            if (!PathCheck.All(stderr, "simulate", [CommandLinePaths.OutputFolder("--out", folder), .. PathCheck.Folders("--kb", parse.GetValue(kb)), .. PathCheck.Folders("--rules", parse.GetValue(rules))]))
            {
                return ExitCodes.Usage;
            }

            if (Load(parse.GetValue(kb), parse.GetValue(rules), stderr) is not { } engine)
            {
                return ExitCodes.BadRules;
            }

            var scenarios = engine.Validation.Scenarios;

            if (scenarios.Find(name) is not { } found)
            {
                stderr.WriteLine($"diagnose simulate: unknown scenario '{name}'; expected one of {string.Join(", ", scenarios.All.Select(s => s.Name))}");
                return ExitCodes.Usage;
            }

            SimulationRun run;
            try
            {
                run = found.Run(new ScenarioOptions(parse.GetValue(seed), parse.GetValue(nodes), parse.GetValue(noise)));
            }
            catch (Diagnose.Simulation.Model.SimulationException e)
            {
                stderr.WriteLine($"diagnose simulate: scenario '{found.Name}' cannot run: {e.Message}");
                return ExitCodes.Usage;
            }

            ISimulatedLogWriter writer = parse.GetValue(logFormat) switch
            {
                "xml" => new XmlLogWriter(),
                "json" => new GetWinEventJsonLogWriter(),
                _ => new EvtxLogWriter(),
            };
            foreach (var file in SimulationOutput.Write(run, folder, writer))
            {
                stdout.WriteLine(file);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static DiagnoseEngine? Load(string[]? kb, string[]? rules, TextWriter stderr)
    {
        try
        {
            return DiagnoseEngine.Load(new EngineOptions { ExtraKnowledgeFolders = kb ?? [], ExtraRuleFolders = rules ?? [] });
        }
        catch (EngineLoadException e)
        {
            stderr.WriteLine(e.Message);
            return null;
        }
    }

    private sealed class ListAction(Option<string[]> kb, Option<string[]> rules, TextWriter stdout, TextWriter stderr) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            if (!PathCheck.All(stderr, "simulate", [.. PathCheck.Folders("--kb", parseResult.GetValue(kb)), .. PathCheck.Folders("--rules", parseResult.GetValue(rules))]))
            {
                return ExitCodes.Usage;
            }

            if (Load(parseResult.GetValue(kb), parseResult.GetValue(rules), stderr) is not { } engine)
            {
                return ExitCodes.BadRules;
            }

            foreach (var s in engine.Validation.Scenarios.All)
            {
                stdout.WriteLine($"{s.Name,-28} {(s.Kb is null ? "no diagnosis" : $"→ {s.Kb}"),-14} {s.Description}");
            }

            return ExitCodes.Ok;
        }
    }
}
