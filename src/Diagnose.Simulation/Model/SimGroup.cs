namespace Diagnose.Simulation.Model;

/// <summary>A resource group and the node that owns it.</summary>
public sealed class SimGroup
{
    public required string Name { get; init; }

    public string? Owner { get; set; }

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

    public SimGroup Clone() => new() { Name = Name, Owner = Owner, Resources = Resources.Select(r => r.Clone()).ToList() };
}
