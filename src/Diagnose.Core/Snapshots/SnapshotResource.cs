namespace Diagnose.Core.Snapshots;

/// <summary>A cluster resource: its group, the service it runs (for generic services) and possible owners.</summary>
public sealed record SnapshotResource
{
    public required string Name { get; init; }

    public string? Group { get; init; }

    public string? Type { get; init; }

    public string? Service { get; init; }

    public IReadOnlyList<string> PossibleOwners { get; init; } = [];

    public int? Line { get; init; }
}
