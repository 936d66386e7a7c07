using Diagnose.Knowledge.Events;
using Diagnose.Rules.Loading;
using Newtonsoft.Json.Linq;

namespace Diagnose.Knowledge.Decisions;

/// <summary>
/// Loads the decision tables (<c>*.decisions.json</c> in the knowledge folders) strictly: unknown keys, missing
/// parts, a row without its three kinds of case, a rule, plan or event the knowledge does not have, and a
/// duplicate row id are reported with file, line and column. The format is described in the README.
/// </summary>
public static class DecisionTableLoader
{
    /// <summary>The file-name ending of decision tables; the article loader leaves these files alone.</summary>
    public const string Suffix = ".decisions.json";

    private static readonly string[] RootKeys = ["article", "rows"];
    private static readonly string[] RowKeys = ["id", "situation", "inputs", "outcome", "confidence", "section", "paraphrase", "collect", "cases"];
    private static readonly string[] OutcomeKeys = ["kind", "rule", "plan"];

    private static readonly Dictionary<string, OutcomeKind> Outcomes = new(StringComparer.Ordinal)
    {
        ["diagnosis"] = OutcomeKind.Diagnosis,
        ["no-incident"] = OutcomeKind.NoIncident,
        ["finding"] = OutcomeKind.Finding,
        ["undetermined"] = OutcomeKind.Undetermined,
    };

    /// <summary>True when a file name ends in <see cref="Suffix"/> (case-insensitive).</summary>
    public static bool IsDecisionTable(string name) => name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads every table of <paramref name="folders"/>; missing folders are the article loader's to report.</summary>
    /// <param name="folders">The knowledge folders (<c>kb/</c> and custom ones).</param>
    /// <param name="ruleExists">Whether a rule id is loaded.</param>
    /// <param name="knowledge">The loaded articles, for article and plan ids.</param>
    /// <param name="catalog">The event catalog: a case's events must be catalogued, and take their log from it.</param>
    public static (IReadOnlyList<DecisionTable> Tables, IReadOnlyList<RuleProblem> Problems) Load(
        IEnumerable<string> folders, Func<string, bool> ruleExists, KnowledgeBase knowledge, EventCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var problems = new List<RuleProblem>();
        var tables = new List<DecisionTable>();
        var rowIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var entry in RuleLoader.Walker.Walk(folder, IsDecisionTable).Where(e => e.IsFile && e.Problem is null))
            {
                if (JsonPositions.LoadFile(entry.Path, problems) is not { } root)
                {
                    continue;
                }

                var json = new DecisionJson(entry.Path, problems);
                var context = new DecisionContext(json, ruleExists, knowledge, catalog);
                if (Read(root, context, rowIds, entry.Path) is { } table)
                {
                    tables.Add(table);
                }
            }
        }

        return (tables, problems);
    }

    private static DecisionTable? Read(JObject root, DecisionContext context, Dictionary<string, string> rowIds, string file)
    {
        var json = context.Json;
        json.Keys(root, "a decision table", RootKeys);
        var article = json.Text(root, "article", "a decision table");
        if (article is null)
        {
            return null;
        }

        if (!context.Knowledge.HasArticle(article))
        {
            json.Problem(root["article"], $"unknown article '{article}'");
            return null;
        }

        var rows = new List<DecisionRow>();
        if (root["rows"] is null)
        {
            json.Problem(root, "a decision table needs 'rows'");
        }

        foreach (var o in json.Objects(root, "rows", "a decision table"))
        {
            if (ReadRow(o, article, context) is not { } row)
            {
                continue;
            }

            if (rowIds.TryGetValue(row.Id, out var other))
            {
                json.Problem(o["id"], $"row id '{row.Id}' is used twice (first in {other})");
                continue;
            }

            rowIds[row.Id] = file;
            rows.Add(row);
        }

        return new DecisionTable { Article = article, Rows = rows, File = file };
    }

    private static DecisionRow? ReadRow(JObject o, string article, DecisionContext context)
    {
        var json = context.Json;
        json.Keys(o, "a row", RowKeys);
        var id = json.Text(o, "id", "a row");
        var what = id is null ? "a row" : $"row '{id}'";
        var situation = json.Text(o, "situation", what);
        var section = json.Text(o, "section", what);
        var paraphrase = json.Text(o, "paraphrase", what);
        var outcome = o["outcome"] is JObject outcomeObject ? ReadOutcome(outcomeObject, article, what, context) : null;
        if (o["outcome"] is not JObject)
        {
            json.Problem(o["outcome"] ?? o, $"{what} needs an 'outcome' object: {{\"kind\": \"diagnosis|no-incident|finding|undetermined\", \"rule\", \"plan\"}}");
        }

        var cases = json.Objects(o, "cases", what).Select(c => DecisionCaseReader.Read(c, what, context)).OfType<DecisionCase>().ToList();
        foreach (var kind in Enum.GetValues<CaseKind>().Where(k => cases.All(c => c.Kind != k)))
        {
            json.Problem(o["cases"] ?? o, $"{what} needs a {DecisionCaseReader.Name(kind)} case (every row is tested positive, near miss and contradicting)");
        }

        var row = new DecisionRow
        {
            Id = id ?? "",
            Situation = situation ?? "",
            Inputs = json.Texts(o, "inputs", what),
            Outcome = outcome ?? new RowOutcome(OutcomeKind.NoIncident, null, null),
            Confidence = json.Confidence(o, "confidence", what),
            Section = section ?? "",
            Paraphrase = paraphrase ?? "",
            Collect = json.Texts(o, "collect", what),
            Cases = cases,
            Line = DecisionJson.LineOf(o),
        };
        return id is null || situation is null || section is null || paraphrase is null || outcome is null ? null : row;
    }

    private static RowOutcome? ReadOutcome(JObject o, string article, string what, DecisionContext context)
    {
        var json = context.Json;
        json.Keys(o, $"the outcome of {what}", OutcomeKeys);
        var kindText = json.Text(o, "kind", $"the outcome of {what}");
        if (kindText is null)
        {
            return null;
        }

        if (!Outcomes.TryGetValue(kindText, out var kind))
        {
            json.Problem(o["kind"], $"unknown outcome kind '{kindText}': expected {string.Join(", ", Outcomes.Keys)}");
            return null;
        }

        var needsRule = kind is OutcomeKind.Diagnosis or OutcomeKind.Finding;
        var rule = json.Text(o, "rule", $"the outcome of {what}", required: needsRule);
        var plan = json.Text(o, "plan", $"the outcome of {what}", required: needsRule);
        if (rule is not null)
        {
            context.CheckRule(o["rule"]!, rule);
        }

        if (plan is not null && !context.Knowledge.HasPlan(article, plan))
        {
            json.Problem(o["plan"], $"article '{article}' has no plan '{plan}'");
        }

        return needsRule && (rule is null || plan is null) ? null : new RowOutcome(kind, rule, plan);
    }
}
