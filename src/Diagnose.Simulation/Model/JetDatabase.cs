namespace Diagnose.Simulation.Model;

/// <summary>A WINS or DHCP JET database and its logs on the shared disk.</summary>
public sealed class JetDatabase
{
    /// <summary>The JET instance that opens the database; its key in <see cref="ClusterState.Databases"/>.</summary>
    public required string Instance { get; init; }

    /// <summary>The database file on the shared disk.</summary>
    public required string Path { get; init; }

    /// <summary>On-disk format (see <see cref="OsVersions.JetFormat"/>).</summary>
    public int Format { get; set; }

    /// <summary>True when the shared disk's file system was destroyed under it: its resource fails to come online.</summary>
    public bool Damaged { get; set; }

    /// <summary>A copy, for a run that must not change this one.</summary>
    public JetDatabase Clone() => (JetDatabase)MemberwiseClone();
}
