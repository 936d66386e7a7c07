namespace Diagnose.Rules.Facts;

/// <summary>The value types a fact field can hold. Times are UTC <see cref="DateTime"/>, durations <see cref="TimeSpan"/>.</summary>
public enum FieldType
{
    String,
    Integer,
    Number,
    Bool,
    Time,
    Duration,
    Null,
}
