namespace Diagnose.Core.Snapshots;

/// <summary>A cluster resource: its group, the service it runs (for generic services) and possible owners.</summary>
public sealed record SnapshotResource
{
    /// <summary>The resource's name.</summary>
    public required string Name { get; init; }

    /// <summary>The group it belongs to.</summary>
    public string? Group { get; init; }

    /// <summary>Its resource type, such as <c>Generic Service</c>.</summary>
    public string? Type { get; init; }

    /// <summary>For a generic service, the Windows service it runs.</summary>
    public string? Service { get; init; }

    /// <summary>The nodes that may own it.</summary>
    public IReadOnlyList<string> PossibleOwners { get; init; } = [];

    /// <summary>Line of its object in the snapshot file, for evidence.</summary>
    public int? Line { get; init; }
}
