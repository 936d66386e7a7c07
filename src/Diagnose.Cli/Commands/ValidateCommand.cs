using System.CommandLine;
using Diagnose.Analysis;
using Diagnose.Cli.Paths;
using Diagnose.Core.Reports;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Diagnose.Cli.Commands;

/// <summary>
/// <c>diagnose validate --all [--format table|json]</c>: every plan and anti-plan of every article, run on
/// its incident on the simulated cluster with every single and pairwise fault.
/// </summary>
internal static class ValidateCommand
{
    private static readonly JsonSerializerSettings Json = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Formatting = Formatting.Indented,
        NullValueHandling = NullValueHandling.Ignore,
    };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var all = new Option<bool>("--all") { Description = "Validate every plan and anti-plan of every article." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var kb = new Option<string[]>("--kb") { Description = "Extra folder of custom knowledge articles (repeatable)." };
        var rules = new Option<string[]>("--rules") { Description = "Extra folder of custom rules, event catalogs and resource tables (repeatable)." };
        var command = new Command("validate", "Run the articles' fix plans and anti-plans on the simulated cluster under faults.");
        command.Options.Add(all);
        command.Options.Add(format);
        command.Options.Add(kb);
        command.Options.Add(rules);
        command.SetAction(parse =>
        {
            if (!parse.GetValue(all))
            {
                stderr.WriteLine("diagnose validate: give --all");
                return ExitCodes.Usage;
            }

            if (!PathCheck.All(stderr, "validate", [.. PathCheck.Folders("--kb", parse.GetValue(kb)), .. PathCheck.Folders("--rules", parse.GetValue(rules))]))
            {
                return ExitCodes.Usage;
            }

            DiagnoseEngine engine;
            try
            {
                engine = DiagnoseEngine.Load(new EngineOptions { ExtraKnowledgeFolders = parse.GetValue(kb) ?? [], ExtraRuleFolders = parse.GetValue(rules) ?? [] });
            }
            catch (EngineLoadException e)
            {
                stderr.WriteLine(e.Message);
                return ExitCodes.BadRules;
            }

            var results = engine.Validation.ValidateAll();
            if (parse.GetValue(format) == "json")
            {
                stdout.WriteLine(JsonConvert.SerializeObject(results, Json));
                return ExitCodes.Ok;
            }

            foreach (var r in results)
            {
                var why = r.Counterexample is { } c ? $"{c.Invariant}: {c.Detail}" : r.Reason ?? "";
                stdout.WriteLine($"{r.Kb,-9} {r.Plan,-38} {r.Kind.Name(),-9} {r.Verdict.Name(),-13} {r.FaultSchedules,4} schedules  {why}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
