namespace Diagnose.Core.Reports;

/// <summary>A fact a rule derived and a conclusion used, shown so the reader can follow the chain.</summary>
public sealed class DerivedFactReport
{
    /// <summary>The fact type.</summary>
    public required string Type { get; init; }

    /// <summary>The rule that derived it.</summary>
    public required string Rule { get; init; }

    /// <summary>Its field values by name.</summary>
    public Dictionary<string, object?> Fields { get; init; } = [];
}
