using Diagnose.Core.Reports;
using Diagnose.Rules.Expressions;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;
using Newtonsoft.Json.Linq;

namespace Diagnose.Rules.Loading;

/// <summary>
/// Reads one rule file into a compiled <see cref="Rule"/>, collecting every problem with its line and
/// column rather than stopping at the first. The file format is described in the README ("Writing a rule").
/// </summary>
internal sealed class RuleFileReader
{
    private static readonly string[] RuleKeys = ["id", "title", "kb", "priority", "tags", "description", "when", "unless", "corroborate", "competes", "then", "examples"];
    private static readonly string[] PatternKeys = ["fact", "as", "where"];
    private static readonly string[] AggregateKeys = ["fact", "as", "where", "into", "having"];
    private static readonly string[] ExampleKeys = ["name", "fires", "facts", "ruledOut", "confidence"];
    private static readonly string[] DiagnoseKeys = ["rootCause", "confidence", "plan", "evidence", "incident", "severity"];
    private static readonly string[] BenignKeys = ["event", "reason"];
    private static readonly string[] DeriveKeys = ["fact", "set"];

    private readonly string _file;
    private readonly FactSchemaSet _schemas;
    private readonly IArticleCatalog _articles;
    private readonly List<RuleProblem> _problems;
    private readonly RuleFileContext _json;

    public RuleFileReader(string file, FactSchemaSet schemas, IArticleCatalog articles, List<RuleProblem> problems)
    {
        _file = file;
        _schemas = schemas;
        _articles = articles;
        _problems = problems;
        _json = new RuleFileContext(file, problems);
    }

    /// <summary>Fact types this rule derives, for the check that every derived type used has a producer.</summary>
    public List<FactSchema> Derives { get; } = [];

    /// <summary>Derived fact types this rule's patterns use, with where they are used.</summary>
    public List<(FactSchema Schema, JToken At)> Uses { get; } = [];

    /// <summary>Rule ids named by <c>competes</c>, with where they are named.</summary>
    public List<(string Rule, JToken At)> Competitors { get; } = [];

    public Rule? Read()
    {
        var before = _problems.Count;
        if (JsonPositions.LoadFile(_file, _problems) is not { } root)
        {
            return null;
        }

        _json.UnknownKeys(root, RuleKeys, "rule");
        var id = _json.RequiredString(root, "id");
        var title = _json.RequiredString(root, "title");
        var kb = _json.OptionalString(root, "kb") ?? "";
        if (kb.Length > 0 && !_articles.HasArticle(kb))
        {
            _json.Problem(root["kb"]!, $"unknown KB article '{kb}': no such article in the knowledge base");
        }

        var priority = 0;
        if (root["priority"] is { } p)
        {
            if (p.Type == JTokenType.Integer)
            {
                priority = (int)p;
            }
            else
            {
                _json.Problem(p, $"'priority' must be an integer, not {RuleFileContext.Describe(p)}");
            }
        }

        var tags = new List<string>();
        if (root["tags"] is { } t)
        {
            if (t is JArray array && array.All(x => x.Type == JTokenType.String))
            {
                tags.AddRange(array.Select(x => (string)x!));
            }
            else
            {
                _json.Problem(t, "'tags' must be an array of strings");
            }
        }

        var scope = new AliasScope();
        var patterns = new List<Pattern>();
        var slots = 0;
        if (root["when"] is JArray when && when.Count > 0)
        {
            foreach (var entry in when)
            {
                var pattern = ReadPattern(entry, ref scope, ref slots);
                if (pattern is not null)
                {
                    patterns.Add(pattern);
                }
            }

            if (patterns.Count > 0 && patterns.All(x => x.Kind is not (PatternKind.Match or PatternKind.Aggregate)))
            {
                _json.Problem(when, "a rule needs at least one pattern that binds a fact (not only 'not'/'exists')");
            }
        }
        else
        {
            _json.Problem(root["when"] ?? root, "'when' must be a non-empty array of patterns");
        }

        var actions = new List<RuleAction>();
        if (root["then"] is JArray then && then.Count > 0)
        {
            foreach (var entry in then)
            {
                var action = ReadAction(entry, scope, kb);
                if (action is not null)
                {
                    actions.Add(action);
                }
            }
        }
        else
        {
            _json.Problem(root["then"] ?? root, "'then' must be a non-empty array of actions");
        }

        if (actions.Count(a => a is ConcludeAction { Kind: ConclusionKind.Diagnosis }) > 1)
        {
            _json.Problem(root["then"]!, "a rule has at most one 'diagnose' action: its unless, corroborate and confidence describe that one diagnosis");
        }

        // unless/corroborate read the 'when' aliases; each entry's own fact takes the slot after the rule's.
        var evidence = new EvidenceReader(_json, _schemas);
        var unless = evidence.Unless(root["unless"], scope, slots);
        var corroborate = evidence.Corroborate(root["corroborate"], scope, slots);
        var competes = evidence.Competes(root["competes"]);
        Competitors.AddRange(evidence.CompetitorReferences);
        if ((unless.Count > 0 || corroborate.Count > 0 || competes.Count > 0) && !actions.OfType<ConcludeAction>().Any())
        {
            _json.Problem(root["unless"] ?? root["corroborate"] ?? root["competes"]!, "'unless', 'corroborate' and 'competes' need a 'diagnose' or 'benign' action to act on");
        }

        var examples = root["examples"] is { } ex ? ReadExamples(ex) : [];
        if (_problems.Count > before || id is null || title is null)
        {
            return null;
        }

        return new Rule
        {
            Id = id,
            Title = title,
            Kb = kb,
            Priority = priority,
            Tags = tags,
            Patterns = patterns,
            Actions = actions,
            Source = _file,
            Slots = slots,
            Examples = examples,
            Unless = unless,
            Corroborate = corroborate,
            Competes = competes,
        };
    }

    private Pattern? ReadPattern(JToken entry, ref AliasScope scope, ref int slots)
    {
        if (entry is not JObject obj)
        {
            _json.Problem(entry, "a pattern must be an object: {\"fact\": ..., \"as\": ..., \"where\": ...} or {\"not\": {...}}, {\"exists\": {...}} or {\"aggregate\": {...}}");
            return null;
        }

        var kind = PatternKind.Match;
        var body = obj;
        if (obj.Count == 1 && obj.Properties().First() is { Name: "not" or "exists" or "aggregate" } wrapper)
        {
            kind = wrapper.Name switch { "not" => PatternKind.Not, "exists" => PatternKind.Exists, _ => PatternKind.Aggregate };
            if (wrapper.Value is not JObject inner)
            {
                _json.Problem(wrapper, $"'{wrapper.Name}' must hold a pattern object");
                return null;
            }

            body = inner;
        }

        _json.UnknownKeys(body, kind == PatternKind.Aggregate ? AggregateKeys : PatternKeys, kind == PatternKind.Aggregate ? "aggregate pattern" : "pattern");
        var typeName = _json.RequiredString(body, "fact");
        var alias = _json.RequiredString(body, "as");
        if (typeName is null || alias is null)
        {
            return null;
        }

        var schema = _schemas.Find(typeName);
        if (schema is null)
        {
            _json.Problem(body["fact"]!, $"unknown fact type '{typeName}': known types are {string.Join(", ", _schemas.All.Select(s => s.Name).Order())}");
            return null;
        }

        if (schema.Derived)
        {
            Uses.Add((schema, body["fact"]!));
        }

        if (scope.TryGet(alias, out _, out _))
        {
            _json.Problem(body["as"]!, $"alias '{alias}' is already bound by an earlier pattern");
            return null;
        }

        // A negated, existential or aggregated pattern's alias is visible only inside its own condition.
        var slot = slots++;
        var innerScope = scope.With(alias, slot, schema);
        CompiledExpression? condition = null;
        if (body["where"] is { } where)
        {
            condition = _json.CompileCondition(where, innerScope);
        }

        if (kind == PatternKind.Match)
        {
            scope = innerScope;
            return new Pattern(kind, alias, schema, slot, condition) { Scope = innerScope };
        }

        if (kind != PatternKind.Aggregate)
        {
            return new Pattern(kind, alias, schema, slot, condition) { Scope = innerScope };
        }

        // The aggregate binds its result (count, minTime, maxTime) to the 'into' alias for later patterns.
        var into = _json.RequiredString(body, "into");
        if (into is null)
        {
            return null;
        }

        if (into == alias || scope.TryGet(into, out _, out _))
        {
            _json.Problem(body["into"]!, $"alias '{into}' is already bound");
            return null;
        }

        var result = AggregateSpec.ResultSchema(schema);
        var resultSlot = slots++;
        var withResult = scope.With(into, resultSlot, result);
        CompiledExpression? having = null;
        if (body["having"] is { } h)
        {
            having = _json.CompileCondition(h, withResult);
        }

        scope = withResult;
        return new Pattern(kind, alias, schema, slot, condition)
        {
            Scope = innerScope,
            Aggregate = new AggregateSpec(into, resultSlot, result, having),
        };
    }

    private List<RuleExample> ReadExamples(JToken token)
    {
        var examples = new List<RuleExample>();
        if (token is not JArray array)
        {
            _json.Problem(token, "'examples' must be an array of {\"name\", \"fires\", \"facts\"} objects");
            return examples;
        }

        foreach (var entry in array)
        {
            if (entry is not JObject obj)
            {
                _json.Problem(entry, "an example must be an object with 'name', 'fires' and 'facts'");
                continue;
            }

            _json.UnknownKeys(obj, ExampleKeys, "example");
            var name = _json.RequiredString(obj, "name");
            var firings = obj["fires"] switch
            {
                { Type: JTokenType.Integer } n when (long)n >= 0 => (int)n,
                { Type: JTokenType.Boolean } b => (bool)b! ? -1 : 0,
                var other => Invalid(other),
            };

            var facts = new List<ExampleFact>();
            if (obj["facts"] is JArray list)
            {
                foreach (var item in list)
                {
                    if (ReadExampleFact(item) is { } fact)
                    {
                        facts.Add(fact);
                    }
                }
            }
            else
            {
                _json.Problem(obj["facts"] ?? obj, "an example needs a 'facts' array of {\"type\": ..., field: value} objects");
            }

            if (name is not null && firings is { } f)
            {
                var (line, column) = JsonPositions.Of(obj);
                examples.Add(new RuleExample(name, f, facts, _file, line, column) { RuledOut = ExampleRuledOut(obj), Confidence = ExampleConfidence(obj) });
            }
        }

        return examples;

        int? Invalid(JToken? t)
        {
            _json.Problem(t ?? token, "'fires' must be true (fires at least once), false (never fires) or how many times it fires");
            return null;
        }
    }

    private bool? ExampleRuledOut(JObject example)
    {
        if (example["ruledOut"] is not { } token)
        {
            return null;
        }

        if (token.Type != JTokenType.Boolean)
        {
            _json.Problem(token, "'ruledOut' must be true (an 'unless' entry rules the conclusion out) or false");
            return null;
        }

        return (bool)token;
    }

    private double? ExampleConfidence(JObject example)
    {
        if (example["confidence"] is not { } token)
        {
            return null;
        }

        if (token.Type is not (JTokenType.Float or JTokenType.Integer) || (double)token < 0 || (double)token > 1)
        {
            _json.Problem(token, "an example's 'confidence' must be the number from 0 to 1 its diagnosis must get");
            return null;
        }

        return (double)token;
    }

    private ExampleFact? ReadExampleFact(JToken item)
    {
        if (item is not JObject obj || obj["type"] is not { Type: JTokenType.String } type)
        {
            _json.Problem(item, "an example fact must be an object with a 'type' (string) and its fields");
            return null;
        }

        var schema = _schemas.Find((string)type!);
        if (schema is null)
        {
            _json.Problem(type, $"unknown fact type '{type}'");
            return null;
        }

        var values = new object?[schema.Fields.Count];
        var ok = true;
        foreach (var property in obj.Properties().Where(p => p.Name != "type"))
        {
            var field = schema.Field(property.Name);
            if (field is null)
            {
                _json.Problem(property, $"fact type '{schema.Name}' has no field '{property.Name}': its fields are {string.Join(", ", schema.Fields.Select(f => f.Name))}");
                ok = false;
                continue;
            }

            // Each arm is cast to object: JToken converts implicitly from all of them and would win otherwise.
            var raw = property.Value.Type switch
            {
                JTokenType.Null => null,
                JTokenType.Integer => (object)(long)property.Value,
                JTokenType.Float => (double)property.Value,
                JTokenType.Boolean => (bool)property.Value,
                JTokenType.String => (string?)property.Value,
                _ => property.Value,
            };
            // As in a facts file, a time may be given as Unix seconds.
            if (field.Type == FieldType.Time && raw is long or double)
            {
                raw = DateTime.UnixEpoch.AddSeconds(Convert.ToDouble(raw, System.Globalization.CultureInfo.InvariantCulture));
            }

            if (raw is JToken || !FieldTypes.TryCoerce(raw, field.Type, out values[field.Index]))
            {
                _json.Problem(property.Value, $"'{schema.Name}.{field.Name}' is {FieldTypes.Name(field.Type)}, not {RuleFileContext.Describe(property.Value)}");
                ok = false;
            }
        }

        return ok ? new ExampleFact(schema, values) : null;
    }

    private RuleAction? ReadAction(JToken entry, AliasScope scope, string kb)
    {
        if (entry is not JObject obj || obj.Count != 1 || obj.Properties().First().Value is not JObject body)
        {
            _json.Problem(entry, "an action must be an object with one key: diagnose, benign or derive");
            return null;
        }

        var name = obj.Properties().First().Name;
        switch (name)
        {
            case "diagnose":
                {
                    _json.UnknownKeys(body, DiagnoseKeys, "diagnose action");
                    var text = _json.Template(body, "rootCause", scope);
                    var (confidence, max) = Confidence(body["confidence"]);
                    var plan = _json.OptionalString(body, "plan");
                    if (plan is not null && kb.Length > 0 && _articles.HasArticle(kb) && !_articles.HasPlan(kb, plan))
                    {
                        _json.Problem(body["plan"]!, $"article '{kb}' has no fix plan '{plan}'");
                    }

                    var evidence = new List<string>();
                    if (body["evidence"] is JArray list)
                    {
                        foreach (var item in list)
                        {
                            var alias = item.Type == JTokenType.String ? (string)item! : null;
                            if (alias is null || !scope.TryGet(alias, out _, out _))
                            {
                                _json.Problem(item, $"evidence '{item}' is not an alias bound by a pattern of this rule");
                            }
                            else
                            {
                                evidence.Add(alias);
                            }
                        }
                    }
                    else
                    {
                        evidence.AddRange(scope.Names);
                    }

                    var incident = Incident(body["incident"], scope);
                    var severity = Severity.Incident;
                    if (_json.OptionalString(body, "severity") is { } severityText)
                    {
                        if (severityText == "advice")
                        {
                            severity = Severity.Advice;
                        }
                        else if (severityText != "incident")
                        {
                            _json.Problem(body["severity"]!, $"'severity' must be \"incident\" or \"advice\", found \"{severityText}\"");
                        }
                    }

                    return text is null ? null : new ConcludeAction(ConclusionKind.Diagnosis, text, confidence, plan, evidence, null) { MaxConfidence = max, Incident = incident, Severity = severity };
                }

            case "benign":
                {
                    _json.UnknownKeys(body, BenignKeys, "benign action");
                    var subject = _json.RequiredString(body, "event");
                    if (subject is not null && !scope.TryGet(subject, out _, out _))
                    {
                        _json.Problem(body["event"]!, $"'{subject}' is not an alias bound by a pattern of this rule");
                        return null;
                    }

                    var reason = _json.Template(body, "reason", scope);
                    return reason is null || subject is null ? null : new ConcludeAction(ConclusionKind.Benign, reason, 1.0, null, [subject], subject);
                }

            case "derive":
                {
                    _json.UnknownKeys(body, DeriveKeys, "derive action");
                    var typeName = _json.RequiredString(body, "fact");
                    var schema = typeName is null ? null : _schemas.Find(typeName);
                    if (typeName is not null && schema is null)
                    {
                        _json.Problem(body["fact"]!, $"unknown fact type '{typeName}'");
                        return null;
                    }

                    if (schema is null)
                    {
                        return null;
                    }

                    if (!schema.Derived)
                    {
                        _json.Problem(body["fact"]!, $"fact type '{schema.Name}' is not declared \"derived\": rules may only derive derived types");
                    }

                    var values = new List<(FactField, CompiledExpression)>();
                    if (body["set"] is JObject set)
                    {
                        foreach (var property in set.Properties())
                        {
                            var field = schema.Field(property.Name);
                            if (field is null)
                            {
                                _json.Problem(property, $"fact type '{schema.Name}' has no field '{property.Name}'");
                                continue;
                            }

                            if (property.Value.Type != JTokenType.String)
                            {
                                _json.Problem(property.Value, $"'{property.Name}' must be an expression string");
                                continue;
                            }

                            var compiled = _json.Compile(property.Value, scope);
                            if (compiled is not null && compiled.Type != field.Type && compiled.Type != FieldType.Null
                                && !(field.Type == FieldType.Number && compiled.Type == FieldType.Integer))
                            {
                                _json.Problem(property.Value, $"'{schema.Name}.{field.Name}' is {FieldTypes.Name(field.Type)} but the expression gives {FieldTypes.Name(compiled.Type)}");
                                continue;
                            }

                            if (compiled is not null)
                            {
                                values.Add((field, compiled));
                            }
                        }
                    }
                    else
                    {
                        _json.Problem(body, "'derive' needs a 'set' object of field expressions");
                    }

                    Derives.Add(schema);
                    return new DeriveAction(schema, values);
                }

            default:
                _json.Problem(obj.Properties().First(), $"unknown action '{name}': expected diagnose, benign or derive");
                return null;
        }
    }

    /// <summary>
    /// <c>"confidence": {"base": b, "max": m}</c>: the confidence with the required evidence alone, and the most
    /// corroboration can raise it to. A plain number is both (the form before corroboration existed).
    /// </summary>
    private (double Base, double Max) Confidence(JToken? token)
    {
        switch (token)
        {
            case null:
                return (1.0, 1.0);
            case { Type: JTokenType.Float or JTokenType.Integer } when (double)token >= 0 && (double)token <= 1:
                return ((double)token, (double)token);
            case JObject body:
                {
                    _json.UnknownKeys(body, ["base", "max"], "confidence");
                    var b = Probability(body, "base");
                    var m = body["max"] is null ? b : Probability(body, "max");
                    if (b is { } low && m is { } high && high < low)
                    {
                        _json.Problem(body["max"]!, $"'max' ({high}) must not be below 'base' ({low})");
                    }

                    return (b ?? 0, m ?? 0);
                }

            default:
                _json.Problem(token, $"'confidence' must be a number from 0 to 1 or {{\"base\": 0-1, \"max\": 0-1}}, not {RuleFileContext.Describe(token)}");
                return (0, 0);
        }

        double? Probability(JObject body, string key)
        {
            if (body[key] is { Type: JTokenType.Float or JTokenType.Integer } v && (double)v >= 0 && (double)v <= 1)
            {
                return (double)v;
            }

            _json.Problem(body[key] ?? body, $"'confidence.{key}' must be a number from 0 to 1");
            return null;
        }
    }

    private List<CompiledExpression> Incident(JToken? token, AliasScope scope)
    {
        var found = new List<CompiledExpression>();
        if (token is null)
        {
            return found;
        }

        if (token is not JArray list || list.Count == 0 || list.Any(x => x.Type != JTokenType.String))
        {
            _json.Problem(token, "'incident' must be a non-empty array of expressions that name the incident, such as [\"database.instance\"]");
            return found;
        }

        foreach (var item in list)
        {
            if (_json.Compile(item, scope) is { } compiled)
            {
                found.Add(compiled);
            }
        }

        return found;
    }
}
