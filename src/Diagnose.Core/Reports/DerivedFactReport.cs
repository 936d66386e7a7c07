namespace Diagnose.Core.Reports;

/// <summary>A fact a rule derived and a conclusion used, shown so the reader can follow the chain.</summary>
public sealed class DerivedFactReport
{
    public required string Type { get; init; }

    public required string Rule { get; init; }

    public Dictionary<string, object?> Fields { get; init; } = [];
}
