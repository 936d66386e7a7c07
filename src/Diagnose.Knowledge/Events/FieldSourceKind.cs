namespace Diagnose.Knowledge.Events;

/// <summary>Where a catalog field's value comes from.</summary>
public enum FieldSourceKind
{
    /// <summary>An insertion string (or the matching placeholder of the English message).</summary>
    InsertionString,

    /// <summary>A constant written in the catalog (<c>"value"</c>).</summary>
    Constant,

    /// <summary>Computed from another field (<c>"derive"</c> and <c>"from"</c>).</summary>
    Derived,
}
