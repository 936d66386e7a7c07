namespace Diagnose.Knowledge.Articles;

/// <summary>A resource group of an incident's cluster: every node is a possible owner; <see cref="Binds"/> names the plan placeholder that takes its name.</summary>
public sealed record IncidentGroup(string Name, IReadOnlyList<IncidentResource> Resources)
{
    /// <summary>The plan placeholder (<c>{group}</c>) that takes the group's name, or null when no step names the group.</summary>
    public string? Binds { get; init; }
}
