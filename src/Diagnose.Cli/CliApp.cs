using System.CommandLine;
using Diagnose.Cli.Commands;

namespace Diagnose.Cli;

/// <summary>The command tree. Output goes to the given writers so tests can run the CLI in-process.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Diagnose: finds documented root causes of Windows failover-cluster incidents in exported event logs.");
        root.Subcommands.Add(AnalyzeCommand.Create(stdout, stderr));
        root.Subcommands.Add(RulesCommand.Create(stdout, stderr));
        root.Subcommands.Add(EventsCommand.Create(stdout, stderr));
        root.Subcommands.Add(ServeCommand.Create(stdout, stderr));
        root.Subcommands.Add(ReanalyzeCommand.Create(stdout, stderr));
        root.Subcommands.Add(SimulateCommand.Create(stdout, stderr));
        root.Subcommands.Add(ValidateCommand.Create(stdout, stderr));
        var parsed = root.Parse(args);

        // "diagnose frobnicate": one line that says so, not the whole help and two parser messages.
        if (parsed.CommandResult.Command == root && parsed.UnmatchedTokens.Count > 0 && !args[0].StartsWith('-'))
        {
            stderr.WriteLine($"diagnose: unknown command '{args[0]}'; the commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))} (diagnose --help)");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file that changed under us after the checks (removed, made unreadable, a full disk): its message, never a stack trace.
            stderr.WriteLine($"diagnose: {(e is UnauthorizedAccessException ? "permission denied: " : "")}{e.Message}");
            return ExitCodes.UnreadableInput;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug in Diagnose: say what failed in one line, with the exit code the README documents for it.
            stderr.WriteLine($"diagnose: internal error ({e.GetType().Name}): {e.Message}");
            return ExitCodes.InternalError;
        }
    }
}
