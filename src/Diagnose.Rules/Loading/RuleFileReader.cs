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
    private static readonly string[] RuleKeys = ["id", "title", "kb", "priority", "tags", "description", "when", "then", "examples"];
    private static readonly string[] PatternKeys = ["fact", "as", "where"];
    private static readonly string[] AggregateKeys = ["fact", "as", "where", "into", "having"];
    private static readonly string[] ExampleKeys = ["name", "fires", "facts"];
    private static readonly string[] DiagnoseKeys = ["rootCause", "confidence", "plan", "evidence"];
    private static readonly string[] BenignKeys = ["event", "reason"];
    private static readonly string[] DeriveKeys = ["fact", "set"];

    private readonly string _file;
    private readonly FactSchemaSet _schemas;
    private readonly IArticleCatalog _articles;
    private readonly List<RuleProblem> _problems;

    public RuleFileReader(string file, FactSchemaSet schemas, IArticleCatalog articles, List<RuleProblem> problems)
    {
        _file = file;
        _schemas = schemas;
        _articles = articles;
        _problems = problems;
    }

    /// <summary>Fact types this rule derives, for the check that every derived type used has a producer.</summary>
    public List<FactSchema> Derives { get; } = [];

    /// <summary>Derived fact types this rule's patterns use, with where they are used.</summary>
    public List<(FactSchema Schema, JToken At)> Uses { get; } = [];

    public Rule? Read()
    {
        var before = _problems.Count;
        if (JsonPositions.LoadFile(_file, _problems) is not { } root)
        {
            return null;
        }

        UnknownKeys(root, RuleKeys, "rule");
        var id = RequiredString(root, "id");
        var title = RequiredString(root, "title");
        var kb = OptionalString(root, "kb") ?? "";
        if (kb.Length > 0 && !_articles.HasArticle(kb))
        {
            Problem(root["kb"]!, $"unknown KB article '{kb}': no such article in the knowledge base");
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
                Problem(p, $"'priority' must be an integer, not {Describe(p)}");
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
                Problem(t, "'tags' must be an array of strings");
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
                Problem(when, "a rule needs at least one pattern that binds a fact (not only 'not'/'exists')");
            }
        }
        else
        {
            Problem(root["when"] ?? root, "'when' must be a non-empty array of patterns");
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
            Problem(root["then"] ?? root, "'then' must be a non-empty array of actions");
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
        };
    }

    private Pattern? ReadPattern(JToken entry, ref AliasScope scope, ref int slots)
    {
        if (entry is not JObject obj)
        {
            Problem(entry, "a pattern must be an object: {\"fact\": ..., \"as\": ..., \"where\": ...} or {\"not\": {...}}, {\"exists\": {...}} or {\"aggregate\": {...}}");
            return null;
        }

        var kind = PatternKind.Match;
        var body = obj;
        if (obj.Count == 1 && obj.Properties().First() is { Name: "not" or "exists" or "aggregate" } wrapper)
        {
            kind = wrapper.Name switch { "not" => PatternKind.Not, "exists" => PatternKind.Exists, _ => PatternKind.Aggregate };
            if (wrapper.Value is not JObject inner)
            {
                Problem(wrapper, $"'{wrapper.Name}' must hold a pattern object");
                return null;
            }

            body = inner;
        }

        UnknownKeys(body, kind == PatternKind.Aggregate ? AggregateKeys : PatternKeys, kind == PatternKind.Aggregate ? "aggregate pattern" : "pattern");
        var typeName = RequiredString(body, "fact");
        var alias = RequiredString(body, "as");
        if (typeName is null || alias is null)
        {
            return null;
        }

        var schema = _schemas.Find(typeName);
        if (schema is null)
        {
            Problem(body["fact"]!, $"unknown fact type '{typeName}': known types are {string.Join(", ", _schemas.All.Select(s => s.Name).Order())}");
            return null;
        }

        if (schema.Derived)
        {
            Uses.Add((schema, body["fact"]!));
        }

        if (scope.TryGet(alias, out _, out _))
        {
            Problem(body["as"]!, $"alias '{alias}' is already bound by an earlier pattern");
            return null;
        }

        // A negated, existential or aggregated pattern's alias is visible only inside its own condition.
        var slot = slots++;
        var innerScope = scope.With(alias, slot, schema);
        CompiledExpression? condition = null;
        if (body["where"] is { } where)
        {
            condition = CompileCondition(where, innerScope);
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
        var into = RequiredString(body, "into");
        if (into is null)
        {
            return null;
        }

        if (into == alias || scope.TryGet(into, out _, out _))
        {
            Problem(body["into"]!, $"alias '{into}' is already bound");
            return null;
        }

        var result = AggregateSpec.ResultSchema(schema);
        var resultSlot = slots++;
        var withResult = scope.With(into, resultSlot, result);
        CompiledExpression? having = null;
        if (body["having"] is { } h)
        {
            having = CompileCondition(h, withResult);
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
            Problem(token, "'examples' must be an array of {\"name\", \"fires\", \"facts\"} objects");
            return examples;
        }

        foreach (var entry in array)
        {
            if (entry is not JObject obj)
            {
                Problem(entry, "an example must be an object with 'name', 'fires' and 'facts'");
                continue;
            }

            UnknownKeys(obj, ExampleKeys, "example");
            var name = RequiredString(obj, "name");
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
                Problem(obj["facts"] ?? obj, "an example needs a 'facts' array of {\"type\": ..., field: value} objects");
            }

            if (name is not null && firings is { } f)
            {
                var (line, column) = JsonPositions.Of(obj);
                examples.Add(new RuleExample(name, f, facts, _file, line, column));
            }
        }

        return examples;

        int? Invalid(JToken? t)
        {
            Problem(t ?? token, "'fires' must be true (fires at least once), false (never fires) or how many times it fires");
            return null;
        }
    }

    private ExampleFact? ReadExampleFact(JToken item)
    {
        if (item is not JObject obj || obj["type"] is not { Type: JTokenType.String } type)
        {
            Problem(item, "an example fact must be an object with a 'type' (string) and its fields");
            return null;
        }

        var schema = _schemas.Find((string)type!);
        if (schema is null)
        {
            Problem(type, $"unknown fact type '{type}'");
            return null;
        }

        var values = new object?[schema.Fields.Count];
        var ok = true;
        foreach (var property in obj.Properties().Where(p => p.Name != "type"))
        {
            var field = schema.Field(property.Name);
            if (field is null)
            {
                Problem(property, $"fact type '{schema.Name}' has no field '{property.Name}': its fields are {string.Join(", ", schema.Fields.Select(f => f.Name))}");
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
                Problem(property.Value, $"'{schema.Name}.{field.Name}' is {FieldTypes.Name(field.Type)}, not {Describe(property.Value)}");
                ok = false;
            }
        }

        return ok ? new ExampleFact(schema, values) : null;
    }

    private RuleAction? ReadAction(JToken entry, AliasScope scope, string kb)
    {
        if (entry is not JObject obj || obj.Count != 1 || obj.Properties().First().Value is not JObject body)
        {
            Problem(entry, "an action must be an object with one key: diagnose, benign or derive");
            return null;
        }

        var name = obj.Properties().First().Name;
        switch (name)
        {
            case "diagnose":
                {
                    UnknownKeys(body, DiagnoseKeys, "diagnose action");
                    var text = Template(body, "rootCause", scope);
                    var confidence = 1.0;
                    if (body["confidence"] is { } c)
                    {
                        if (c.Type is JTokenType.Float or JTokenType.Integer && (double)c >= 0 && (double)c <= 1)
                        {
                            confidence = (double)c;
                        }
                        else
                        {
                            Problem(c, $"'confidence' must be a number from 0 to 1, not {Describe(c)}");
                        }
                    }

                    var plan = OptionalString(body, "plan");
                    if (plan is not null && kb.Length > 0 && _articles.HasArticle(kb) && !_articles.HasPlan(kb, plan))
                    {
                        Problem(body["plan"]!, $"article '{kb}' has no fix plan '{plan}'");
                    }

                    var evidence = new List<string>();
                    if (body["evidence"] is JArray list)
                    {
                        foreach (var item in list)
                        {
                            var alias = item.Type == JTokenType.String ? (string)item! : null;
                            if (alias is null || !scope.TryGet(alias, out _, out _))
                            {
                                Problem(item, $"evidence '{item}' is not an alias bound by a pattern of this rule");
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

                    return text is null ? null : new ConcludeAction(ConclusionKind.Diagnosis, text, confidence, plan, evidence, null);
                }

            case "benign":
                {
                    UnknownKeys(body, BenignKeys, "benign action");
                    var subject = RequiredString(body, "event");
                    if (subject is not null && !scope.TryGet(subject, out _, out _))
                    {
                        Problem(body["event"]!, $"'{subject}' is not an alias bound by a pattern of this rule");
                        return null;
                    }

                    var reason = Template(body, "reason", scope);
                    return reason is null || subject is null ? null : new ConcludeAction(ConclusionKind.Benign, reason, 1.0, null, [subject], subject);
                }

            case "derive":
                {
                    UnknownKeys(body, DeriveKeys, "derive action");
                    var typeName = RequiredString(body, "fact");
                    var schema = typeName is null ? null : _schemas.Find(typeName);
                    if (typeName is not null && schema is null)
                    {
                        Problem(body["fact"]!, $"unknown fact type '{typeName}'");
                        return null;
                    }

                    if (schema is null)
                    {
                        return null;
                    }

                    if (!schema.Derived)
                    {
                        Problem(body["fact"]!, $"fact type '{schema.Name}' is not declared \"derived\": rules may only derive derived types");
                    }

                    var values = new List<(FactField, CompiledExpression)>();
                    if (body["set"] is JObject set)
                    {
                        foreach (var property in set.Properties())
                        {
                            var field = schema.Field(property.Name);
                            if (field is null)
                            {
                                Problem(property, $"fact type '{schema.Name}' has no field '{property.Name}'");
                                continue;
                            }

                            if (property.Value.Type != JTokenType.String)
                            {
                                Problem(property.Value, $"'{property.Name}' must be an expression string");
                                continue;
                            }

                            var compiled = Compile(property.Value, scope);
                            if (compiled is not null && compiled.Type != field.Type && compiled.Type != FieldType.Null
                                && !(field.Type == FieldType.Number && compiled.Type == FieldType.Integer))
                            {
                                Problem(property.Value, $"'{schema.Name}.{field.Name}' is {FieldTypes.Name(field.Type)} but the expression gives {FieldTypes.Name(compiled.Type)}");
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
                        Problem(body, "'derive' needs a 'set' object of field expressions");
                    }

                    Derives.Add(schema);
                    return new DeriveAction(schema, values);
                }

            default:
                Problem(obj.Properties().First(), $"unknown action '{name}': expected diagnose, benign or derive");
                return null;
        }
    }

    private CompiledExpression? CompileCondition(JToken token, AliasScope scope)
    {
        if (token.Type != JTokenType.String)
        {
            Problem(token, $"'where' must be an expression string, not {Describe(token)}");
            return null;
        }

        var compiled = Compile(token, scope);
        if (compiled is not null && compiled.Type is not (FieldType.Bool or FieldType.Null))
        {
            Problem(token, $"'where' must be a condition (true or false), but it gives a {FieldTypes.Name(compiled.Type)}");
            return null;
        }

        return compiled;
    }

    private CompiledExpression? Compile(JToken token, AliasScope scope)
    {
        try
        {
            return Compiler.Compile((string)token!, scope);
        }
        catch (ExpressionException e)
        {
            var (line, column) = JsonPositions.InString(token, e.Position);
            _problems.Add(new RuleProblem(_file, line, column, e.Message));
            return null;
        }
    }

    private TextTemplate? Template(JObject body, string key, AliasScope scope)
    {
        var text = RequiredString(body, key);
        if (text is null)
        {
            return null;
        }

        try
        {
            return TextTemplate.Compile(text, scope);
        }
        catch (ExpressionException e)
        {
            var (line, column) = JsonPositions.InString(body[key]!, e.Position);
            _problems.Add(new RuleProblem(_file, line, column, e.Message));
            return null;
        }
    }

    private string? RequiredString(JObject obj, string key)
    {
        var token = obj[key];
        if (token is null)
        {
            Problem(obj, $"missing '{key}' (string)");
            return null;
        }

        if (token.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)token))
        {
            Problem(token, $"'{key}' must be a non-empty string, not {Describe(token)}");
            return null;
        }

        return (string)token!;
    }

    private string? OptionalString(JObject obj, string key)
    {
        var token = obj[key];
        if (token is null)
        {
            return null;
        }

        if (token.Type != JTokenType.String)
        {
            Problem(token, $"'{key}' must be a string, not {Describe(token)}");
            return null;
        }

        return (string)token!;
    }

    private void UnknownKeys(JObject obj, string[] allowed, string what)
    {
        foreach (var property in obj.Properties().Where(p => !allowed.Contains(p.Name)))
        {
            Problem(property, $"unknown field '{property.Name}' in {what}: expected one of {string.Join(", ", allowed)}");
        }
    }

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => $"the string \"{token}\"",
        JTokenType.Integer or JTokenType.Float => $"the number {token}",
        JTokenType.Boolean => $"the value {token.ToString().ToLowerInvariant()}",
        JTokenType.Null => "null",
        JTokenType.Array => "an array",
        JTokenType.Object => "an object",
        _ => token.Type.ToString(),
    };

    private void Problem(JToken token, string message)
    {
        var (line, column) = JsonPositions.Of(token);
        _problems.Add(new RuleProblem(_file, line, column, message));
    }
}
