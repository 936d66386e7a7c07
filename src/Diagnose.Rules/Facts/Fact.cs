using Diagnose.Rules.Engine;

namespace Diagnose.Rules.Facts;

/// <summary>
/// One fact: a schema-typed value array plus an opaque <see cref="Origin"/> the engine carries into
/// every proof (the caller's reference to a source record or observation). Derived facts know the
/// activation that produced them, so a conclusion's explanation reaches back to the inputs.
/// </summary>
public sealed class Fact
{
    /// <summary>A fact from values already in their runtime types, in field order (see <see cref="Create"/> for named values).</summary>
    /// <param name="schema">The fact's type.</param>
    /// <param name="values">One value per field of <paramref name="schema"/>, in field order; null for a missing value.</param>
    /// <param name="origin">The caller's reference to the record the fact came from, shown in proofs.</param>
    /// <exception cref="ArgumentException">The number of values is not the number of fields.</exception>
    public Fact(FactSchema schema, object?[] values, object? origin = null)
    {
        if (values.Length != schema.Fields.Count)
        {
            throw new ArgumentException($"fact '{schema.Name}' needs {schema.Fields.Count} values, got {values.Length}", nameof(values));
        }

        Schema = schema;
        Values = values;
        Origin = origin;
    }

    /// <summary>The fact's type, which gives the meaning of each value.</summary>
    public FactSchema Schema { get; }

    /// <summary>The field values, indexed by <see cref="FactField.Index"/>; the array is the fact's own, not a copy.</summary>
    public object?[] Values { get; }

    /// <summary>Where the fact came from, as the caller gave it (null when not given); the engine only carries it.</summary>
    public object? Origin { get; }

    /// <summary>Insertion order in a session (recency); 0 until inserted.</summary>
    public long Id { get; internal set; }

    /// <summary>The activation that derived this fact, or null for an input fact.</summary>
    public Activation? DerivedBy { get; internal set; }

    /// <summary>For an aggregate result: the facts it collected. They are part of any proof that uses it.</summary>
    public IReadOnlyList<Fact>? Members { get; internal set; }

    /// <summary>The activations that support this derived fact; when the last goes, the fact is withdrawn.</summary>
    internal List<Activation>? Supports { get; set; }

    /// <summary>Tokens that bound this fact at a join; removed with the fact.</summary>
    internal List<Network.Token>? Tokens { get; set; }

    /// <summary>Identity of a derived fact's values, so the same fact derived twice is one fact.</summary>
    internal string? DerivedKey { get; set; }

    /// <summary>How many alpha memories hold the fact; when expiry empties them all it leaves working memory.</summary>
    internal int Memberships { get; set; }

    /// <summary>True while the fact is in a session's working memory.</summary>
    internal bool Live { get; set; }

    /// <summary>The value of a field by name (case-sensitive).</summary>
    /// <exception cref="KeyNotFoundException">The fact's type has no such field.</exception>
    public object? this[string field] =>
        Values[(Schema.Field(field) ?? throw new KeyNotFoundException($"fact '{Schema.Name}' has no field '{field}'")).Index];

    /// <summary>Builds a fact from named values, converting each to its declared type.</summary>
    public static Fact Create(FactSchema schema, IReadOnlyDictionary<string, object?> fields, object? origin = null)
    {
        var values = new object?[schema.Fields.Count];
        foreach (var (name, value) in fields)
        {
            var field = schema.Field(name) ?? throw new ArgumentException($"fact '{schema.Name}' has no field '{name}'", nameof(fields));
            if (!FieldTypes.TryCoerce(value, field.Type, out var coerced))
            {
                throw new ArgumentException($"field '{schema.Name}.{name}' is {FieldTypes.Name(field.Type)}, got '{value}'", nameof(fields));
            }

            values[field.Index] = coerced;
        }

        return new Fact(schema, values, origin);
    }

    /// <summary>The type name and every field as <c>name=value</c>, in field order: <c>type(a=1, b=x)</c>.</summary>
    public override string ToString() =>
        $"{Schema.Name}({string.Join(", ", Schema.Fields.Select(f => $"{f.Name}={Values[f.Index]}"))})";
}
