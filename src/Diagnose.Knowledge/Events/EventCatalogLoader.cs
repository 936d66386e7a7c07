using Diagnose.Knowledge.Loading;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Loading;

namespace Diagnose.Knowledge.Events;

/// <summary>
/// Loads the event catalog from every <c>*.events.json</c> file of the rule folders (built-in and custom),
/// as strictly as rules are loaded: every problem with file, line and column; invalid entries are left out.
/// </summary>
public static class EventCatalogLoader
{
    /// <summary>The file-name ending of catalog files.</summary>
    public const string Suffix = ".events.json";

    /// <summary>Missing folders are skipped: the rule loader reports them.</summary>
    public static (EventCatalog Catalog, IReadOnlyList<RuleProblem> Problems) Load(IEnumerable<string> folders, FactSchemaSet schemas)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(schemas);
        var problems = new List<RuleProblem>();
        var entries = new List<CatalogEvent>();
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in DataFiles.In(folders, Suffix))
        {
            foreach (var (entry, line, column) in new CatalogFileReader(file, schemas, problems).Read())
            {
                if (names.TryGetValue(entry.Name, out var first))
                {
                    problems.Add(new RuleProblem(file, line, column, $"duplicate event name '{entry.Name}': already declared by {first}"));
                    continue;
                }

                var clash = entry.Aliases.Prepend(entry.Provider)
                    .Select(p => (Provider: p, Key: $"{p}\u0000{entry.EventId}"))
                    .FirstOrDefault(k => ids.ContainsKey(k.Key));
                if (clash.Key is not null)
                {
                    problems.Add(new RuleProblem(file, line, column, $"duplicate event {clash.Provider} {entry.EventId}: already declared as {ids[clash.Key]}"));
                    continue;
                }

                names[entry.Name] = file;
                foreach (var provider in entry.Aliases.Prepend(entry.Provider))
                {
                    ids[$"{provider}\u0000{entry.EventId}"] = $"'{entry.Name}' in {file}";
                }

                entries.Add(entry);
            }
        }

        return (new EventCatalog(entries), problems);
    }
}
