namespace Diagnose.Knowledge.Articles;

/// <summary>A resource group of an incident's cluster: every node is a possible owner; <see cref="Binds"/> names the plan placeholder that takes its name.</summary>
public sealed record IncidentGroup(string Name, IReadOnlyList<IncidentResource> Resources)
{
    public string? Binds { get; init; }
}
