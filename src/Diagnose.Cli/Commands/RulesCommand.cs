using System.CommandLine;
using Diagnose.Analysis;

namespace Diagnose.Cli.Commands;

/// <summary><c>diagnose rules check [--rules folder]</c>: validates the built-in and custom rules and articles.</summary>
internal static class RulesCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var rules = new Option<string[]>("--rules") { Description = "Extra folder of custom rules (repeatable)." };
        var kb = new Option<string[]>("--kb") { Description = "Extra folder of custom knowledge articles (repeatable)." };
        var check = new Command("check", "Validate every rule and article; exit 0 only when all are valid.");
        check.Options.Add(rules);
        check.Options.Add(kb);
        check.SetAction(parse =>
        {
            try
            {
                var engine = DiagnoseEngine.Load(new EngineOptions { ExtraRuleFolders = parse.GetValue(rules) ?? [], ExtraKnowledgeFolders = parse.GetValue(kb) ?? [] });
                stdout.WriteLine($"{engine.Rules.Rules.Count} rules and {engine.Knowledge.Articles.Count()} articles are valid.");
                return ExitCodes.Ok;
            }
            catch (EngineLoadException e)
            {
                stderr.WriteLine(e.Message);
                return ExitCodes.BadRules;
            }
        });

        var command = new Command("rules", "Work with rule files.");
        command.Subcommands.Add(check);
        return command;
    }
}
