namespace Diagnose.Rules.Facts;

/// <summary>All fact types known to a rule set, by name.</summary>
public sealed class FactSchemaSet
{
    private readonly Dictionary<string, FactSchema> _schemas = new(StringComparer.Ordinal);

    /// <summary>Every type in the set, in no particular order.</summary>
    public IEnumerable<FactSchema> All => _schemas.Values;

    /// <summary>The type of that name (case-sensitive), or null when the set has none.</summary>
    public FactSchema? Find(string name) => _schemas.GetValueOrDefault(name);

    /// <summary>The type of that name (case-sensitive).</summary>
    /// <exception cref="KeyNotFoundException">The set has no type of that name.</exception>
    public FactSchema Get(string name) =>
        _schemas.GetValueOrDefault(name) ?? throw new KeyNotFoundException($"unknown fact type '{name}'");

    /// <summary>Adds a type; false when a type of that name exists already.</summary>
    public bool TryAdd(FactSchema schema) => _schemas.TryAdd(schema.Name, schema);
}
