namespace Diagnose.Knowledge.Events;

/// <summary>
/// How a field finds its insertion string when positions vary between Windows versions (written
/// <c>"find"</c> in a catalog). The search starts at the field's <c>index</c>.
/// </summary>
public enum ValueSelector
{
    /// <summary>The insertion string at the field's index (no <c>"find"</c>).</summary>
    AtIndex,

    /// <summary><c>"first-integer"</c>: the first string that is a whole number.</summary>
    FirstInteger,

    /// <summary><c>"last-negative-integer"</c>: the last string that is a negative whole number (a JET error).</summary>
    LastNegativeInteger,

    /// <summary><c>"first-path"</c>: the first string holding a backslash or starting with a drive letter and colon (a file path).</summary>
    FirstPath,
}
