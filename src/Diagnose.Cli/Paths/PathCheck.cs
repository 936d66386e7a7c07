namespace Diagnose.Cli.Paths;

/// <summary>Runs a command's path checks in order and prints every failure, so the user fixes them all at once.</summary>
internal static class PathCheck
{
    /// <summary>True when every check passed; otherwise each reason is printed as <c>diagnose COMMAND: reason</c>.</summary>
    public static bool All(TextWriter stderr, string command, params IEnumerable<string?> reasons)
    {
        var ok = true;
        foreach (var reason in reasons)
        {
            if (reason is not null)
            {
                stderr.WriteLine($"diagnose {command}: {reason}");
                ok = false;
            }
        }

        return ok;
    }

    public static IEnumerable<string?> Folders(string option, string[]? paths) =>
        (paths ?? []).Select(p => CommandLinePaths.InputFolder(option, p));
}
