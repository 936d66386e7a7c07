using Diagnose.Rules.Engine;
using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Evidence;

/// <summary>
/// The facts an <c>unless</c> or <c>corroborate</c> pattern is checked against after a run: every input fact the
/// caller inserted (working memory keeps only facts some <c>when</c> pattern can use) and the derived facts the session holds.
/// </summary>
public sealed class FactSource
{
    private readonly Dictionary<FactSchema, List<Fact>> _byType = [];

    /// <summary>Indexes the caller's input facts and the derived facts <paramref name="session"/> holds, by fact type.</summary>
    /// <param name="inputs">Every input fact given to the session, including those it did not keep.</param>
    /// <param name="session">The session after its run; only its derived facts are taken.</param>
    /// <param name="schemas">The rule set's fact types, which say which types are derived.</param>
    public FactSource(IEnumerable<Fact> inputs, RuleSession session, FactSchemaSet schemas)
    {
        foreach (var fact in inputs)
        {
            Add(fact);
        }

        foreach (var schema in schemas.All.Where(s => s.Derived))
        {
            foreach (var fact in session.Facts(schema))
            {
                Add(fact);
            }
        }
    }

    /// <summary>The facts of one type, in the order they were added; empty when there are none.</summary>
    public IReadOnlyList<Fact> Of(FactSchema schema) => _byType.GetValueOrDefault(schema) ?? [];

    private void Add(Fact fact)
    {
        if (!_byType.TryGetValue(fact.Schema, out var list))
        {
            _byType[fact.Schema] = list = [];
        }

        list.Add(fact);
    }
}
