using Diagnose.Rules.Expressions;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;
using Newtonsoft.Json.Linq;

namespace Diagnose.Rules.Loading;

/// <summary>
/// Reads a rule's evidence keys beside <c>when</c>: <c>unless</c> (facts that rule the conclusion out, each with a
/// reason), <c>corroborate</c> (optional facts with a weight and what to collect when absent) and <c>competes</c>
/// (other rules for the same symptoms). Their conditions may read the <c>when</c> aliases; each entry's own alias
/// takes the slot after the rule's slots.
/// </summary>
internal sealed class EvidenceReader(RuleFileContext json, FactSchemaSet schemas)
{
    private static readonly string[] UnlessKeys = ["fact", "as", "where", "reason"];
    private static readonly string[] CorroborateKeys = ["fact", "as", "where", "weight", "description", "collect"];
    private static readonly string[] CollectKeys = ["what", "log", "node"];
    private static readonly string[] CompetesKeys = ["rule", "separatedBy"];

    /// <summary>The rule ids <c>competes</c> names, with where, so the loader can check them once every rule is read.</summary>
    public List<(string Rule, JToken At)> CompetitorReferences { get; } = [];

    public List<ContradictingPattern> Unless(JToken? token, AliasScope scope, int slot)
    {
        var found = new List<ContradictingPattern>();
        foreach (var entry in Entries(token, "unless", "{\"fact\", \"as\", \"where\", \"reason\"}"))
        {
            json.UnknownKeys(entry, UnlessKeys, "unless entry");
            var pattern = Pattern(entry, scope, slot, out var withAlias);
            var reason = json.Template(entry, "reason", withAlias);
            if (pattern is not null && reason is not null)
            {
                found.Add(new ContradictingPattern(pattern, reason));
            }
        }

        return found;
    }

    public List<CorroboratingPattern> Corroborate(JToken? token, AliasScope scope, int slot)
    {
        var found = new List<CorroboratingPattern>();
        foreach (var entry in Entries(token, "corroborate", "{\"fact\", \"as\", \"where\", \"weight\", \"description\", \"collect\"}"))
        {
            json.UnknownKeys(entry, CorroborateKeys, "corroborate entry");
            var pattern = Pattern(entry, scope, slot, out _);

            // The description and the advice are shown when the fact is absent too, so they read only the 'when' aliases.
            var description = json.Template(entry, "description", scope);
            double? weight = entry["weight"] is { Type: JTokenType.Float or JTokenType.Integer } w && (double)w > 0 && (double)w <= 1 ? (double)w : null;
            if (weight is null)
            {
                json.Problem(entry["weight"] ?? entry, $"'weight' must be a number above 0 and at most 1, not {(entry["weight"] is { } x ? RuleFileContext.Describe(x) : "missing")}");
            }

            var collect = Collect(entry, scope);
            if (pattern is not null && description is not null && weight is not null && collect is not null)
            {
                found.Add(new CorroboratingPattern(pattern, description, weight.Value, collect));
            }
        }

        return found;
    }

    public List<CompetingCause> Competes(JToken? token)
    {
        var found = new List<CompetingCause>();
        foreach (var entry in Entries(token, "competes", "{\"rule\", \"separatedBy\"}"))
        {
            json.UnknownKeys(entry, CompetesKeys, "competes entry");
            var rule = json.RequiredString(entry, "rule");
            var separatedBy = json.RequiredString(entry, "separatedBy");
            if (rule is not null && separatedBy is not null)
            {
                found.Add(new CompetingCause(rule, separatedBy));
                CompetitorReferences.Add((rule, entry["rule"]!));
            }
        }

        return found;
    }

    private IEnumerable<JObject> Entries(JToken? token, string key, string shape)
    {
        if (token is null)
        {
            yield break;
        }

        if (token is not JArray array)
        {
            json.Problem(token, $"'{key}' must be an array of {shape} objects");
            yield break;
        }

        foreach (var item in array)
        {
            if (item is JObject obj)
            {
                yield return obj;
            }
            else
            {
                json.Problem(item, $"each '{key}' entry must be an object {shape}");
            }
        }
    }

    private EvidencePattern? Pattern(JObject entry, AliasScope scope, int slot, out AliasScope withAlias)
    {
        withAlias = scope;
        var typeName = json.RequiredString(entry, "fact");
        var alias = json.RequiredString(entry, "as");
        if (typeName is null || alias is null)
        {
            return null;
        }

        var schema = schemas.Find(typeName);
        if (schema is null)
        {
            json.Problem(entry["fact"]!, $"unknown fact type '{typeName}': known types are {string.Join(", ", schemas.All.Select(s => s.Name).Order())}");
            return null;
        }

        if (scope.TryGet(alias, out _, out _))
        {
            json.Problem(entry["as"]!, $"alias '{alias}' is already bound by a 'when' pattern");
            return null;
        }

        withAlias = scope.With(alias, slot, schema);
        CompiledExpression? condition = null;
        if (entry["where"] is { } where)
        {
            condition = json.CompileCondition(where, withAlias);
            if (condition is null)
            {
                return null;
            }
        }

        return new EvidencePattern(alias, schema, slot, condition);
    }

    private CollectAdvice? Collect(JObject entry, AliasScope scope)
    {
        switch (entry["collect"])
        {
            case null:
                json.Problem(entry, "a corroborate entry needs 'collect': what to collect when this evidence is absent (a string, or {\"what\", \"log\", \"node\"})");
                return null;
            case { Type: JTokenType.String } text:
                return json.Template(text, scope) is { } sentence ? new CollectAdvice(sentence, null, null) : null;
            case JObject body:
                {
                    json.UnknownKeys(body, CollectKeys, "collect");
                    var what = json.Template(body, "what", scope);
                    var log = json.OptionalString(body, "log");
                    CompiledExpression? node = null;
                    if (body["node"] is { } n)
                    {
                        node = n.Type == JTokenType.String ? json.Compile(n, scope) : null;
                        if (n.Type != JTokenType.String)
                        {
                            json.Problem(n, "'node' must be an expression string naming the node, such as \"failed.node\"");
                        }
                        else if (node is not null && node.Type is not (FieldType.String or FieldType.Null))
                        {
                            json.Problem(n, $"'node' must give a string (a node name), not a {FieldTypes.Name(node.Type)}");
                            node = null;
                        }
                    }

                    return what is null ? null : new CollectAdvice(what, log, node);
                }

            default:
                json.Problem(entry["collect"]!, "'collect' must be a string or an object {\"what\", \"log\", \"node\"}");
                return null;
        }
    }
}
