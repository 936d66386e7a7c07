namespace Diagnose.Knowledge.Loading;

/// <summary>The data files of one kind (by file-name ending) in rule folders, in a stable order; missing folders are the rule loader's to report.</summary>
internal static class DataFiles
{
    public static IEnumerable<string> In(IEnumerable<string> folders, string suffix) =>
        folders.Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*" + suffix, SearchOption.AllDirectories).Order(StringComparer.Ordinal));
}
