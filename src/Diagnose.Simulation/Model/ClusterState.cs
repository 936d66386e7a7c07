namespace Diagnose.Simulation.Model;

/// <summary>
/// Everything the simulated cluster is at one moment. Plain mutable data, cloned before each
/// validation run so fault schedules never share state.
/// </summary>
public sealed class ClusterState
{
    /// <summary>The cluster's name, as the join event gives it.</summary>
    public required string Name { get; init; }

    /// <summary>The Windows domain the nodes belong to.</summary>
    public string Domain { get; init; } = "corp.contoso.com";

    /// <summary>The cluster's nodes, each with its own Clusdb, start types and power.</summary>
    public required List<SimNode> Nodes { get; init; }

    /// <summary>The MSCS folder on the quorum disk.</summary>
    public QuorumDisk Quorum { get; init; } = new();

    /// <summary>The resource groups and their resources.</summary>
    public List<SimGroup> Groups { get; init; } = [];

    /// <summary>The JET databases on the shared disks, by instance name (case-insensitive).</summary>
    public Dictionary<string, JetDatabase> Databases { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The backups a restore can take from (Clusdb and checkpoints, databases).</summary>
    public List<Backup> Backups { get; init; } = [];

    /// <summary>The registry-checkpointed generic service of the cluster (there is at most one).</summary>
    public CheckpointedServiceState CheckpointedService { get; init; } = new();

    /// <summary>The online restores made on this cluster, as a backup program's job log would list them.</summary>
    public List<RestoreRecord> Restores { get; init; } = [];

    /// <summary>The configuration version of the running cluster (last one when it is down).</summary>
    public int ConfigVersion { get; set; } = 1;

    /// <summary>The newest configuration ever committed.</summary>
    public int HighestConfigVersion { get; set; } = 1;

    /// <summary>When the configuration last changed; the simulator sets it to the start time when it is left unset.</summary>
    public DateTime LastConfigurationChange { get; set; }

    /// <summary>The node holding the quorum disk while the cluster runs.</summary>
    public string? QuorumOwner { get; set; }

    /// <summary>When the quorum owner last wrote a checkpoint; null before the first, which a power loss treats as a long run.</summary>
    public DateTime? LastCheckpointAt { get; set; }

    /// <summary>NTFS on the shared disks destroyed by two nodes writing without reservation.</summary>
    public bool SharedDiskCorrupt { get; set; }

    /// <summary>True while the cluster runs: some node is a member.</summary>
    public bool Formed => Nodes.Any(n => n.Member);

    /// <summary>The node of that name (case-insensitive).</summary>
    /// <exception cref="SimulationException">No node has that name; the message lists the nodes.</exception>
    public SimNode Node(string name) => Nodes.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new SimulationException($"there is no node '{name}' (nodes: {string.Join(", ", Nodes.Select(n => n.Name))})");

    /// <summary>The group holding the resource of that name, else the group of that name (case-insensitive); null when neither exists.</summary>
    public SimGroup? GroupOf(string resource) => Groups.FirstOrDefault(g => g.Resources.Any(r => string.Equals(r.Name, resource, StringComparison.OrdinalIgnoreCase)))
        ?? Groups.FirstOrDefault(g => string.Equals(g.Name, resource, StringComparison.OrdinalIgnoreCase));

    /// <summary>A deep copy, so a validation run never shares state with another.</summary>
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
