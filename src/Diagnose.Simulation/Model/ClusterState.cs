namespace Diagnose.Simulation.Model;

/// <summary>
/// Everything the simulated cluster is at one moment. Plain mutable data, cloned before each
/// validation run so fault schedules never share state.
/// </summary>
public sealed class ClusterState
{
    public required string Name { get; init; }

    public string Domain { get; init; } = "corp.contoso.com";

    public required List<SimNode> Nodes { get; init; }

    public QuorumDisk Quorum { get; init; } = new();

    public List<SimGroup> Groups { get; init; } = [];

    public Dictionary<string, JetDatabase> Databases { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public List<Backup> Backups { get; init; } = [];

    public CheckpointedServiceState CheckpointedService { get; init; } = new();

    /// <summary>The online restores made on this cluster, as a backup program's job log would list them.</summary>
    public List<RestoreRecord> Restores { get; init; } = [];

    /// <summary>The configuration version of the running cluster (last one when it is down).</summary>
    public int ConfigVersion { get; set; } = 1;

    /// <summary>The newest configuration ever committed.</summary>
    public int HighestConfigVersion { get; set; } = 1;

    public DateTime LastConfigurationChange { get; set; }

    /// <summary>The node holding the quorum disk while the cluster runs.</summary>
    public string? QuorumOwner { get; set; }

    public DateTime? LastCheckpointAt { get; set; }

    /// <summary>NTFS on the shared disks destroyed by two nodes writing without reservation.</summary>
    public bool SharedDiskCorrupt { get; set; }

    public bool Formed => Nodes.Any(n => n.Member);

    public SimNode Node(string name) => Nodes.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new SimulationException($"there is no node '{name}' (nodes: {string.Join(", ", Nodes.Select(n => n.Name))})");

    public SimGroup? GroupOf(string resource) => Groups.FirstOrDefault(g => g.Resources.Any(r => string.Equals(r.Name, resource, StringComparison.OrdinalIgnoreCase)))
        ?? Groups.FirstOrDefault(g => string.Equals(g.Name, resource, StringComparison.OrdinalIgnoreCase));

    public ClusterState Clone() => new()
    {
        Name = Name, Domain = Domain,
        Nodes = Nodes.Select(n => n.Clone()).ToList(),
        Quorum = Quorum.Clone(),
        Groups = Groups.Select(g => g.Clone()).ToList(),
        Databases = Databases.ToDictionary(d => d.Key, d => d.Value.Clone(), StringComparer.OrdinalIgnoreCase),
        Backups = [.. Backups],
        CheckpointedService = CheckpointedService.Clone(),
        Restores = [.. Restores],
        ConfigVersion = ConfigVersion, HighestConfigVersion = HighestConfigVersion, LastConfigurationChange = LastConfigurationChange,
        QuorumOwner = QuorumOwner, LastCheckpointAt = LastCheckpointAt, SharedDiskCorrupt = SharedDiskCorrupt,
    };
}
