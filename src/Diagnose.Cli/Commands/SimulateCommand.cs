using System.CommandLine;
using Diagnose.Analysis;
using Diagnose.Simulation.Output;
using Diagnose.Simulation.Scenarios;

namespace Diagnose.Cli.Commands;

/// <summary>
/// <c>diagnose simulate &lt;scenario&gt; --out &lt;dir&gt; [--seed n] [--nodes n] [--noise n] [--log-format evtx|xml]</c>: runs a
/// scenario on the simulated cluster and writes per-node logs (.evtx by default) and the snapshot, ready for <c>diagnose analyze &lt;dir&gt;</c>.
/// <c>--list</c> lists the scenarios.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = new Argument<string?>("scenario") { Description = "An article id (KB293302, Q188674, Q217147) or a named variant (see --list).", Arity = ArgumentArity.ZeroOrOne };
        var list = new Option<bool>("--list") { Description = "List the scenarios." };
        var output = new Option<string?>("--out") { Description = "Folder to write the logs and snapshot.json into." };
        var seed = new Option<int>("--seed") { Description = "Seed for every choice the scenario makes (same seed, same files).", DefaultValueFactory = _ => 1 };
        var nodes = new Option<int?>("--nodes") { Description = "Number of nodes, 2 to 4 (default: chosen by the seed)." };
        var noise = new Option<int>("--noise") { Description = "Number of everyday noise events.", DefaultValueFactory = _ => 20 };
        var logFormat = new Option<string>("--log-format") { Description = "Format of the per-node logs: evtx (binary event log) or xml (Event Viewer XML).", DefaultValueFactory = _ => "evtx" };
        logFormat.AcceptOnlyFromAmong("evtx", "xml");
        var kb = new Option<string[]>("--kb") { Description = "Extra folder of custom knowledge articles whose incidents are scenarios too (repeatable)." };
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
        command.SetAction(parse =>
        {
            DiagnoseEngine engine;
            try
            {
                engine = DiagnoseEngine.Load(new EngineOptions { ExtraKnowledgeFolders = parse.GetValue(kb) ?? [] });
            }
            catch (EngineLoadException e)
            {
                stderr.WriteLine(e.Message);
                return ExitCodes.BadRules;
            }

            var scenarios = engine.Validation.Scenarios;
            if (parse.GetValue(list))
            {
                foreach (var s in scenarios.All)
                {
                    stdout.WriteLine($"{s.Name,-28} {(s.Kb is null ? "no diagnosis" : $"→ {s.Kb}"),-14} {s.Description}");
                }

                return ExitCodes.Ok;
            }

            var name = parse.GetValue(scenario);
            var folder = parse.GetValue(output);
            if (name is null || folder is null)
            {
                stderr.WriteLine("diagnose simulate: give a scenario and --out <dir> (or --list)");
                return ExitCodes.Usage;
            }

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

            ISimulatedLogWriter writer = parse.GetValue(logFormat) == "xml" ? new XmlLogWriter() : new EvtxLogWriter();
            foreach (var file in SimulationOutput.Write(run, folder, writer))
            {
                stdout.WriteLine(file);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
