namespace Diagnose.Knowledge.Articles;

/// <summary>
/// A resource of an incident's cluster: its name and type, the service it runs, the JET database it opens (by
/// instance) and the catalogued event its service logs when it cannot come online (by catalog name).
/// <see cref="Checkpoint"/> is the registry key the cluster checkpoints for a generic service and writes back when the
/// resource comes online; <see cref="StartedEvent"/> the catalogued event its service logs once started;
/// <see cref="Failover"/> false keeps a failed resource failed (no restart, no failover); <see cref="Binds"/> names the
/// plan placeholder (<c>{resource}</c>) that takes the resource's name.
/// </summary>
public sealed record IncidentResource(string Name, string Type, string? Service, string? Database, string? FailedEvent)
{
    /// <summary>The registry key the cluster checkpoints for a generic service, or null for none.</summary>
    public string? Checkpoint { get; init; }

    /// <summary>The catalog name of the event the service logs once started, or null when it logs none.</summary>
    public string? StartedEvent { get; init; }

    /// <summary>The service's display name, which the Service Control Manager's events give (by default its service name).</summary>
    public string? DisplayName { get; init; }

    /// <summary>False keeps the resource failed once it fails: the cluster neither restarts it nor fails its group over.</summary>
    public bool Failover { get; init; } = true;

    /// <summary>The plan placeholder (<c>{resource}</c>) that takes the resource's name, or null when no step names it.</summary>
    public string? Binds { get; init; }
}
