using Diagnose.Rules.Loading;

namespace Diagnose.Knowledge.Loading;

/// <summary>
/// The data files of one kind (by file-name ending) in rule folders, in a stable order. Missing folders and the
/// walk's traps (link loops, FIFOs, unreadable folders) are the rule loader's to report: it walks the same folders.
/// </summary>
internal static class DataFiles
{
    public static IEnumerable<string> In(IEnumerable<string> folders, string suffix) =>
        folders.Where(Directory.Exists)
            .SelectMany(folder => RuleLoader.Walker.Walk(folder, name => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)))
            .Where(entry => entry.IsFile)
            .Select(entry => entry.Path);
}
