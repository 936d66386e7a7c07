namespace Diagnose.Rules.Facts;

/// <summary>All fact types known to a rule set, by name.</summary>
public sealed class FactSchemaSet
{
    private readonly Dictionary<string, FactSchema> _schemas = new(StringComparer.Ordinal);

    public IEnumerable<FactSchema> All => _schemas.Values;

    public FactSchema? Find(string name) => _schemas.GetValueOrDefault(name);

    public FactSchema Get(string name) =>
        _schemas.GetValueOrDefault(name) ?? throw new KeyNotFoundException($"unknown fact type '{name}'");

    /// <summary>Adds a type; false when a type of that name exists already.</summary>
    public bool TryAdd(FactSchema schema) => _schemas.TryAdd(schema.Name, schema);
}
