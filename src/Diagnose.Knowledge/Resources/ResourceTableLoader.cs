using Diagnose.Knowledge.Loading;
using Diagnose.Rules.Loading;
using Newtonsoft.Json.Linq;

namespace Diagnose.Knowledge.Resources;

/// <summary>
/// Loads <c>*.resources.json</c> files from the rule folders strictly:
/// <c>{"resources": [{"resource": "…", "service": "…", "serviceDisplayName": "…", "source": "…"}]}</c>
/// (<c>serviceDisplayName</c> optional: the name the Service Control Manager's events give the service); unknown keys,
/// missing values and a resource declared twice are reported with file, line and column.
/// </summary>
public static class ResourceTableLoader
{
    /// <summary>The file-name ending of resource tables.</summary>
    public const string Suffix = ".resources.json";

    private static readonly string[] Keys = ["resource", "service", "source"];
    private const string DisplayNameKey = "serviceDisplayName";

    /// <summary>Missing folders are skipped: the rule loader reports them.</summary>
    public static (ResourceTable Table, IReadOnlyList<RuleProblem> Problems) Load(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var problems = new List<RuleProblem>();
        var services = new Dictionary<string, (string Service, string File)>(StringComparer.OrdinalIgnoreCase);
        var displayNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in DataFiles.In(folders, Suffix))
        {
            Read(file, services, displayNames, problems);
        }

        return (new ResourceTable(services.Select(s => KeyValuePair.Create(s.Key, s.Value.Service)), displayNames), problems);
    }

    private static void Read(string file, Dictionary<string, (string Service, string File)> services, Dictionary<string, string> displayNames, List<RuleProblem> problems)
    {
        void Problem(JToken at, string message)
        {
            var (line, column) = JsonPositions.Of(at);
            problems.Add(new RuleProblem(file, line, column, message));
        }

        if (JsonPositions.LoadFile(file, problems) is not { } root)
        {
            return;
        }

        foreach (var property in root.Properties().Where(p => p.Name != "resources"))
        {
            Problem(property, $"unknown key '{property.Name}' in a resource table: expected resources");
        }

        if (root["resources"] is not JArray entries)
        {
            Problem(root, "a resource table needs a 'resources' array");
            return;
        }

        foreach (var item in entries)
        {
            if (item is not JObject entry)
            {
                Problem(item, "each entry of 'resources' must be an object");
                continue;
            }

            foreach (var property in entry.Properties().Where(p => !Keys.Contains(p.Name) && p.Name != DisplayNameKey))
            {
                Problem(property, $"unknown key '{property.Name}' in a resource: expected {string.Join(", ", Keys)} or {DisplayNameKey}");
            }

            string? displayName = null;
            if (entry[DisplayNameKey] is { } shown)
            {
                displayName = shown is { Type: JTokenType.String } && !string.IsNullOrWhiteSpace((string?)shown) ? (string)shown! : null;
                if (displayName is null)
                {
                    Problem(shown, $"'{DisplayNameKey}' must be a non-empty string");
                    continue;
                }
            }

            var values = Keys.Select(k => entry[k] is { Type: JTokenType.String } t && !string.IsNullOrWhiteSpace((string?)t) ? (string)t! : null).ToArray();
            if (values.Any(v => v is null))
            {
                Problem(entry, "a resource needs 'resource', 'service' and 'source' (the document it rests on), each a non-empty string");
                continue;
            }

            if (services.TryGetValue(values[0]!, out var first))
            {
                Problem(entry, $"resource '{values[0]}' is declared twice: already in {first.File}");
                continue;
            }

            services[values[0]!] = (values[1]!, file);
            if (displayName is not null && displayNames.TryGetValue(displayName, out var other) && !string.Equals(other, values[1], StringComparison.OrdinalIgnoreCase))
            {
                Problem(entry, $"service display name '{displayName}' is given to two services: {other} and {values[1]}");
                continue;
            }

            if (displayName is not null)
            {
                displayNames[displayName] = values[1]!;
            }
        }
    }
}
