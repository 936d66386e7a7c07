using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Expressions;

/// <summary>The aliases an expression may use: each bound to a slot of the match and a fact type.</summary>
public sealed class AliasScope
{
    private readonly Dictionary<string, (int Slot, FactSchema Schema)> _aliases;

    /// <summary>An empty scope; add aliases with <see cref="With"/>.</summary>
    public AliasScope() => _aliases = new(StringComparer.Ordinal);

    private AliasScope(Dictionary<string, (int, FactSchema)> aliases) => _aliases = new(aliases, StringComparer.Ordinal);

    /// <summary>The aliases in scope, in no particular order.</summary>
    public IEnumerable<string> Names => _aliases.Keys;

    /// <summary>Looks up an alias (case-sensitive).</summary>
    /// <returns>False, with slot -1 and no schema, when the alias is not in scope.</returns>
    public bool TryGet(string alias, out int slot, out FactSchema schema)
    {
        if (_aliases.TryGetValue(alias, out var entry))
        {
            (slot, schema) = entry;
            return true;
        }

        slot = -1;
        schema = null!;
        return false;
    }

    /// <summary>A copy of this scope with one more alias.</summary>
    public AliasScope With(string alias, int slot, FactSchema schema)
    {
        var copy = new AliasScope(_aliases);
        copy._aliases[alias] = (slot, schema);
        return copy;
    }
}
