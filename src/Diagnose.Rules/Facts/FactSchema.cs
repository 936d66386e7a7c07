namespace Diagnose.Rules.Facts;

/// <summary>
/// A fact type: its name, its typed fields, and whether rules derive it (rather than inputs supplying it).
/// Field names are case-sensitive identifiers, as rule expressions write them.
/// </summary>
public sealed class FactSchema
{
    private readonly Dictionary<string, FactField> _byName;

    /// <summary>A fact type with its fields in the order given; field indexes follow that order.</summary>
    /// <param name="name">The type name rules and fact lines use.</param>
    /// <param name="fields">Each field's name, value type and optional description.</param>
    /// <param name="derived">True when rules derive facts of this type rather than inputs supplying them.</param>
    /// <param name="description">What a fact of this type means, for catalogs and help.</param>
    /// <exception cref="ArgumentException">Two fields have the same name.</exception>
    public FactSchema(string name, IEnumerable<(string Name, FieldType Type, string? Description)> fields, bool derived, string? description = null)
    {
        Name = name;
        Derived = derived;
        Description = description;
        Fields = fields.Select((f, i) => new FactField(f.Name, f.Type, i, f.Description)).ToArray();
        _byName = Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The type name, as rules and fact lines write it (case-sensitive).</summary>
    public string Name { get; }

    /// <summary>True when rules derive facts of this type; inputs supply the others.</summary>
    public bool Derived { get; }

    /// <summary>What a fact of this type means, when the schema file says.</summary>
    public string? Description { get; }

    /// <summary>The log or snapshot fields that give facts of this type (schema key <c>from</c>), if declared.</summary>
    public FactProvenance? From { get; init; }

    /// <summary>The fields in declaration order; a field's position is its <see cref="FactField.Index"/>.</summary>
    public IReadOnlyList<FactField> Fields { get; }

    /// <summary>The field of that name (case-sensitive), or null when the type has none.</summary>
    public FactField? Field(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The type name.</summary>
    public override string ToString() => Name;
}
