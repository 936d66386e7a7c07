namespace Diagnose.Simulation.Model;

/// <summary>A cluster resource: its kind, the service it runs, its possible owners and state.</summary>
public sealed class SimResource
{
    private string? _displayName;

    /// <summary>The resource's name, as Cluster Administrator and the cluster service's events show it; operations find it case-insensitively.</summary>
    public required string Name { get; init; }

    /// <summary>The resource type as Cluster Administrator names it (Generic Service, WINS Service).</summary>
    public required string Type { get; init; }

    /// <summary>How the simulator brings it online.</summary>
    public ResourceKind Kind { get; init; }

    /// <summary>The Windows service (generic service resources) or JET instance it runs.</summary>
    public string? Service { get; init; }

    /// <summary>The JET instance a JET-backed resource's service opens its database with; the key of <see cref="ClusterState.Databases"/>.</summary>
    public string? Instance { get; init; }

    /// <summary>The service's display name, which the Service Control Manager's events give; its service name (else the resource's) when its data gives none.</summary>
    public string DisplayName
    {
        get => _displayName ?? Service ?? Name;
        init => _displayName = value;
    }

    /// <summary>The catalogued event (by name) its service logs when it cannot open its database; none when null.</summary>
    public string? FailedEvent { get; init; }

    /// <summary>The registry key the cluster checkpoints for this generic service and writes back when it comes online.</summary>
    public string? CheckpointKey { get; init; }

    /// <summary>The catalogued event (by name) its service logs once started; none when null.</summary>
    public string? StartedEvent { get; init; }

    /// <summary>The nodes the resource may run on.</summary>
    public required List<string> PossibleOwners { get; init; }

    /// <summary>Whether the resource is offline, online or failed now.</summary>
    public ResourceState State { get; set; }

    /// <summary>Whether the cluster keeps it online (it was not taken offline by a person).</summary>
    public bool Wanted { get; set; } = true;

    /// <summary>Whether the cluster restarts it and fails its group over when it fails.</summary>
    public bool FailoverOnFailure { get; init; } = true;

    /// <summary>A copy, for a run that must not change this one.</summary>
    public SimResource Clone() => new()
    {
        Name = Name, Type = Type, Kind = Kind, Service = Service, Instance = Instance, FailedEvent = FailedEvent,
        DisplayName = DisplayName, CheckpointKey = CheckpointKey, StartedEvent = StartedEvent, PossibleOwners = [.. PossibleOwners], State = State, Wanted = Wanted, FailoverOnFailure = FailoverOnFailure,
    };
}
