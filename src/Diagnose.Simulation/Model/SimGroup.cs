namespace Diagnose.Simulation.Model;

/// <summary>A resource group and the node that owns it.</summary>
public sealed class SimGroup
{
    /// <summary>The group's name, as Cluster Administrator and the cluster service's events show it.</summary>
    public required string Name { get; init; }

    /// <summary>The node that owns the group, or null when no node does.</summary>
    public string? Owner { get; set; }

    /// <summary>The group's resources.</summary>
    public required List<SimResource> Resources { get; init; }

    /// <summary>The nodes every resource of the group may run on, in the first resource's order.</summary>
    public IReadOnlyList<string> PossibleOwners
    {
        get
        {
            if (Resources.Count == 0)
            {
                return [];
            }

            var owners = new List<string>(Resources[0].PossibleOwners);
            for (var i = 1; i < Resources.Count; i++)
            {
                owners.RemoveAll(o => !Resources[i].PossibleOwners.Contains(o));
            }

            return owners;
        }
    }

    /// <summary>A deep copy, for a run that must not change this one.</summary>
    public SimGroup Clone() => new() { Name = Name, Owner = Owner, Resources = Resources.Select(r => r.Clone()).ToList() };
}
