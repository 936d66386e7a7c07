using Diagnose.Rules.Expressions;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;
using Newtonsoft.Json.Linq;

namespace Diagnose.Rules.Loading;

/// <summary>
/// One rule file being read: its name and the problem list, with the checks every part of a rule uses
/// (required and optional strings, unknown keys, expressions and templates compiled with their position).
/// </summary>
internal sealed class RuleFileContext(string file, List<RuleProblem> problems)
{
    private readonly string _file = file;
    private readonly List<RuleProblem> _problems = problems;

    public CompiledExpression? CompileCondition(JToken token, AliasScope scope)
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

    public CompiledExpression? Compile(JToken token, AliasScope scope)
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

    public TextTemplate? Template(JObject body, string key, AliasScope scope) =>
        RequiredString(body, key) is null ? null : Template(body[key]!, scope);

    /// <summary>Compiles a string token's <c>{alias.field}</c> placeholders; a bad one is a problem at its position in the string.</summary>
    public TextTemplate? Template(JToken token, AliasScope scope)
    {
        try
        {
            return TextTemplate.Compile((string)token!, scope);
        }
        catch (ExpressionException e)
        {
            var (line, column) = JsonPositions.InString(token, e.Position);
            _problems.Add(new RuleProblem(_file, line, column, e.Message));
            return null;
        }
    }

    public string? RequiredString(JObject obj, string key)
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

    public string? OptionalString(JObject obj, string key)
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

    public void UnknownKeys(JObject obj, string[] allowed, string what)
    {
        foreach (var property in obj.Properties().Where(p => !allowed.Contains(p.Name)))
        {
            Problem(property, $"unknown field '{property.Name}' in {what}: expected one of {string.Join(", ", allowed)}");
        }
    }

    public static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => $"the string \"{token}\"",
        JTokenType.Integer or JTokenType.Float => $"the number {token}",
        JTokenType.Boolean => $"the value {token.ToString().ToLowerInvariant()}",
        JTokenType.Null => "null",
        JTokenType.Array => "an array",
        JTokenType.Object => "an object",
        _ => token.Type.ToString(),
    };

    public void Problem(JToken token, string message)
    {
        var (line, column) = JsonPositions.Of(token);
        _problems.Add(new RuleProblem(_file, line, column, message));
    }
}
