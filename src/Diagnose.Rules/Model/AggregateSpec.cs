using Diagnose.Rules.Expressions;
using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Model;

/// <summary>
/// The result side of an <c>aggregate</c> pattern: the alias it binds (<c>into</c>), the slot that holds the
/// result fact, the result's schema (<c>count</c>, <c>minTime</c>, <c>maxTime</c>) and the <c>having</c> test.
/// The member facts are collected on the result fact (<see cref="Fact.Members"/>) and are part of every proof.
/// </summary>
public sealed record AggregateSpec(string Into, int Slot, FactSchema Result, CompiledExpression? Having)
{
    /// <summary>The result fact type of an aggregate over <paramref name="over"/>.</summary>
    public static FactSchema ResultSchema(FactSchema over) => new(
        $"aggregate of {over.Name}",
        [
            ("count", FieldType.Integer, "how many facts match"),
            ("minTime", FieldType.Time, "the earliest 'time' among them"),
            ("maxTime", FieldType.Time, "the latest 'time' among them"),
        ],
        derived: false);
}
