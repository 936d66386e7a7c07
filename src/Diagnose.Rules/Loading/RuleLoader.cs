using Diagnose.Core.FileSystem;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Loading;

/// <summary>
/// Loads rule folders: fact schemas (<c>*.facts.json</c>) first, then every other <c>*.json</c> as one
/// rule, except the data files that other loaders read from the same folders (<see cref="OtherDataSuffixes"/>).
/// Reports every problem at once; invalid rules are left out of the resulting set.
/// </summary>
public static class RuleLoader
{
    /// <summary>The ending of fact schema files, which are loaded before the rules.</summary>
    public const string SchemaSuffix = ".facts.json";

    /// <summary>The folder walk shared by rule and article folders (link loops, FIFOs, limits).</summary>
    public static FolderWalker Walker { get; } = new();

    /// <summary>
    /// Files in rule folders that are not rules: event catalogs and resource tables, which the knowledge
    /// layer loads (it checks them against the schemas loaded here).
    /// </summary>
    public static readonly IReadOnlyList<string> OtherDataSuffixes = [".events.json", ".resources.json"];

    /// <summary>
    /// Loads every rule folder: schemas, then rules, each checked against the schemas and <paramref name="articles"/>.
    /// Bad content does not throw: a missing folder, an unreadable or invalid file, a duplicate rule id, a
    /// derived type no rule produces or a competitor that does not exist each become a problem in the result.
    /// </summary>
    public static RuleLoadResult Load(IEnumerable<string> folders, IArticleCatalog articles)
    {
        var problems = new List<RuleProblem>();
        var schemas = new FactSchemaSet();
        var files = new List<string>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                problems.Add(new RuleProblem(folder, 1, 1, "rule folder not found"));
                continue;
            }

            // A rule folder that cannot be walked whole is not the rule set its author meant: every trap is a problem.
            foreach (var entry in Walker.Walk(folder, IsJson))
            {
                if (entry.Problem is { } problem)
                {
                    problems.Add(new RuleProblem(entry.Path, 1, 1, problem));
                }
                else
                {
                    files.Add(entry.Path);
                }
            }
        }

        foreach (var file in files.Where(IsSchema))
        {
            SchemaFileReader.Read(file, schemas, problems);
        }

        var rules = new List<Rule>();
        var derived = new HashSet<FactSchema>();
        var uses = new List<(string File, FactSchema Schema, Newtonsoft.Json.Linq.JToken At)>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var competitors = new List<(string File, string Rule, Newtonsoft.Json.Linq.JToken At)>();
        foreach (var file in files.Where(f => !IsSchema(f) && !IsOtherData(f)))
        {
            var reader = new RuleFileReader(file, schemas, articles, problems);
            var rule = reader.Read();
            derived.UnionWith(reader.Derives);
            uses.AddRange(reader.Uses.Select(u => (file, u.Schema, u.At)));
            competitors.AddRange(reader.Competitors.Select(c => (file, c.Rule, c.At)));
            if (rule is null)
            {
                continue;
            }

            if (ids.TryGetValue(rule.Id, out var first))
            {
                problems.Add(new RuleProblem(file, 1, 1, $"duplicate rule id '{rule.Id}': already used by {first}"));
                continue;
            }

            ids[rule.Id] = file;
            rules.Add(rule);
        }

        foreach (var (file, schema, at) in uses.Where(u => !derived.Contains(u.Schema)))
        {
            var (line, column) = JsonPositions.Of(at);
            problems.Add(new RuleProblem(file, line, column, $"derived fact type '{schema.Name}' is never produced: no rule derives it, so this pattern can never match"));
        }

        foreach (var (file, rule, at) in competitors.Where(c => !ids.ContainsKey(c.Rule)))
        {
            var (line, column) = JsonPositions.Of(at);
            problems.Add(new RuleProblem(file, line, column, $"'competes' names rule '{rule}', but no rule has that id"));
        }

        return new RuleLoadResult(new RuleSet(schemas, rules), problems);
    }

    /// <summary>Why a file found by the walk could not be opened, in the product's words.</summary>
    public static string Unreadable(Exception e) => e is UnauthorizedAccessException
        ? "cannot be read: permission denied"
        : $"cannot be read: {e.Message}";

    /// <summary>True when a file name ends in <c>.json</c> (any case): the files the folder walk picks up.</summary>
    public static bool IsJson(string name) => name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static bool IsSchema(string file) => file.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase);

    private static bool IsOtherData(string file) => OtherDataSuffixes.Any(s => file.EndsWith(s, StringComparison.OrdinalIgnoreCase));
}
