using Diagnose.Rules.Expressions;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;
using Newtonsoft.Json.Linq;

namespace Diagnose.Rules.Loading;

/// <summary>
/// Reads a rule's <c>order</c>: <c>[{"before": "alias", "after": "alias", "description": "…", "ambiguous": 0.5}]</c>.
/// Both aliases must be <c>when</c> aliases whose fact type has a <c>time</c> and a <c>node</c> field (the node
/// says whose clock wrote the time).
/// </summary>
internal sealed class OrderReader(RuleFileContext json)
{
    private static readonly string[] Keys = ["before", "after", "description", "ambiguous"];

    public List<OrderClaim> Read(JToken? token, AliasScope scope)
    {
        var found = new List<OrderClaim>();
        if (token is null)
        {
            return found;
        }

        if (token is not JArray array)
        {
            json.Problem(token, "'order' must be an array of {\"before\", \"after\", \"description\", \"ambiguous\"} objects");
            return found;
        }

        foreach (var item in array)
        {
            if (item is not JObject entry)
            {
                json.Problem(item, "each 'order' entry must be an object {\"before\", \"after\", \"description\", \"ambiguous\"}");
                continue;
            }

            json.UnknownKeys(entry, Keys, "order entry");
            var before = Alias(entry, "before", scope);
            var after = Alias(entry, "after", scope);
            var description = json.Template(entry, "description", scope);
            double? ambiguous = entry["ambiguous"] is { Type: JTokenType.Float or JTokenType.Integer } a && (double)a > 0 && (double)a <= 1 ? (double)a : null;
            if (ambiguous is null)
            {
                json.Problem(entry["ambiguous"] ?? entry,
                    $"'ambiguous' must be a number above 0 and at most 1 (the highest confidence when the clocks cannot tell the order), not {(entry["ambiguous"] is { } x ? RuleFileContext.Describe(x) : "missing")}");
            }

            if (before is { } b && after is { } f && b.Alias == f.Alias)
            {
                json.Problem(entry["after"]!, "'before' and 'after' must be two different aliases");
            }
            else if (before is not null && after is not null && description is not null && ambiguous is not null)
            {
                found.Add(new OrderClaim(before.Value.Alias, before.Value.Slot, after.Value.Alias, after.Value.Slot, description, ambiguous.Value));
            }
        }

        return found;
    }

    private (string Alias, int Slot)? Alias(JObject entry, string key, AliasScope scope)
    {
        if (json.RequiredString(entry, key) is not { } alias)
        {
            return null;
        }

        if (!scope.TryGet(alias, out var slot, out var schema))
        {
            json.Problem(entry[key]!, $"'{key}' names '{alias}', which is not a 'when' alias: bound are {string.Join(", ", scope.Names)}");
            return null;
        }

        if (schema.Field("time")?.Type != FieldType.Time || schema.Field("node")?.Type != FieldType.String)
        {
            json.Problem(entry[key]!, $"'{key}': fact type '{schema.Name}' of '{alias}' needs a 'time' and a 'node' field to be ordered across nodes");
            return null;
        }

        return (alias, slot);
    }
}
