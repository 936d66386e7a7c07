namespace Diagnose.Simulation.Model;

/// <summary>A WINS or DHCP JET database and its logs on the shared disk.</summary>
public sealed class JetDatabase
{
    public required string Instance { get; init; }

    public required string Path { get; init; }

    /// <summary>On-disk format (see <see cref="OsVersions.JetFormat"/>).</summary>
    public int Format { get; set; }

    public bool Damaged { get; set; }

    public JetDatabase Clone() => (JetDatabase)MemberwiseClone();
}
