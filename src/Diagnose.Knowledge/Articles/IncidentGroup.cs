namespace Diagnose.Knowledge.Articles;

/// <summary>A resource group of an incident's cluster: every node is a possible owner.</summary>
public sealed record IncidentGroup(string Name, IReadOnlyList<IncidentResource> Resources);
