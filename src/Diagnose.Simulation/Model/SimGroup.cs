namespace Diagnose.Simulation.Model;

/// <summary>A resource group and the node that owns it.</summary>
public sealed class SimGroup
{
    public required string Name { get; init; }

    public string? Owner { get; set; }

    public required List<SimResource> Resources { get; init; }

    public IEnumerable<string> PossibleOwners => Resources.Count == 0 ? [] :
        Resources.Select(r => (IEnumerable<string>)r.PossibleOwners).Aggregate((a, b) => a.Intersect(b, StringComparer.Ordinal)).ToList();

    public SimGroup Clone() => new() { Name = Name, Owner = Owner, Resources = Resources.Select(r => r.Clone()).ToList() };
}
