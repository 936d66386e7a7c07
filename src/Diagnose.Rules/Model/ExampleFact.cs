using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Model;

/// <summary>One fact of a rule example, already checked against its schema; a new <see cref="Fact"/> is made for each run.</summary>
public sealed record ExampleFact(FactSchema Schema, IReadOnlyList<object?> Values)
{
    /// <summary>A new fact with a copy of the values, ready to insert into a session.</summary>
    public Fact Create(object? origin = null) => new(Schema, [.. Values], origin);
}
