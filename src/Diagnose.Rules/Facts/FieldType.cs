namespace Diagnose.Rules.Facts;

/// <summary>The value types a fact field can hold. Times are UTC <see cref="DateTime"/>, durations <see cref="TimeSpan"/>.</summary>
public enum FieldType
{
    /// <summary>Text, a <see cref="string"/>.</summary>
    String,
    /// <summary>A whole number, a <see cref="long"/>.</summary>
    Integer,
    /// <summary>A number with a fraction, a <see cref="double"/>.</summary>
    Number,
    /// <summary>True or false, a <see cref="bool"/>.</summary>
    Bool,
    /// <summary>A point in time, a UTC <see cref="DateTime"/>.</summary>
    Time,
    /// <summary>A length of time, a <see cref="TimeSpan"/>.</summary>
    Duration,
    /// <summary>
    /// Not a field type: the type of a <c>null</c> literal in an expression, which fits any field; also what
    /// <see cref="FieldTypes.TryParse"/> gives for an unknown name.
    /// </summary>
    Null,
}
