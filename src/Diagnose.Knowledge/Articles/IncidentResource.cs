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
    public string? Checkpoint { get; init; }

    public string? StartedEvent { get; init; }

    /// <summary>The service's display name, which the Service Control Manager's events give (by default its service name).</summary>
    public string? DisplayName { get; init; }

    public bool Failover { get; init; } = true;

    public string? Binds { get; init; }
}
