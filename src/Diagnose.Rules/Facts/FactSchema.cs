namespace Diagnose.Rules.Facts;

/// <summary>
/// A fact type: its name, its typed fields, and whether rules derive it (rather than inputs supplying it).
/// Field names are case-sensitive identifiers, as rule expressions write them.
/// </summary>
public sealed class FactSchema
{
    private readonly Dictionary<string, FactField> _byName;

    public FactSchema(string name, IEnumerable<(string Name, FieldType Type, string? Description)> fields, bool derived, string? description = null)
    {
        Name = name;
        Derived = derived;
        Description = description;
        Fields = fields.Select((f, i) => new FactField(f.Name, f.Type, i, f.Description)).ToArray();
        _byName = Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public string Name { get; }

    public bool Derived { get; }

    public string? Description { get; }

    /// <summary>The log or snapshot fields that give facts of this type (schema key <c>from</c>), if declared.</summary>
    public FactProvenance? From { get; init; }

    public IReadOnlyList<FactField> Fields { get; }

    public FactField? Field(string name) => _byName.GetValueOrDefault(name);

    public override string ToString() => Name;
}
