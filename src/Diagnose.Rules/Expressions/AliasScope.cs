using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Expressions;

/// <summary>The aliases an expression may use: each bound to a slot of the match and a fact type.</summary>
public sealed class AliasScope
{
    private readonly Dictionary<string, (int Slot, FactSchema Schema)> _aliases;

    public AliasScope() => _aliases = new(StringComparer.Ordinal);

    private AliasScope(Dictionary<string, (int, FactSchema)> aliases) => _aliases = new(aliases, StringComparer.Ordinal);

    public IEnumerable<string> Names => _aliases.Keys;

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
