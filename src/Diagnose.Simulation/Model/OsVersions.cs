namespace Diagnose.Simulation.Model;

/// <summary>What each operating system changes in the cluster service and the JET engine.</summary>
internal static class OsVersions
{
    /// <summary>On-disk JET format the node's engine writes: a newer engine converts an older database, an older one cannot read a newer log.</summary>
    public static int JetFormat(OsVersion os) => os switch
    {
        OsVersion.Windows2003 => 3,
        OsVersion.Windows2000 => 2,
        _ => 1,
    };

    /// <summary>Checkpoint checksum records in quolog.log, the consistency check against them and periodic checkpoints came with NT4 SP5 and are in Windows 2000 (Q217147, NOTE after startup step 9).</summary>
    public static bool HasSp5Fixes(OsVersion os) => os != OsVersion.Nt4Sp4;

    public static string SnapshotName(OsVersion os) => os switch
    {
        OsVersion.Windows2003 => "Windows Server 2003",
        OsVersion.Windows2000 => "Windows 2000",
        _ => "Windows NT 4.0",
    };

    public static int ServicePack(OsVersion os) => os switch
    {
        OsVersion.Nt4Sp4 => 4,
        OsVersion.Nt4Sp5 => 5,
        OsVersion.Windows2000 => 4,
        _ => 0,
    };

    /// <summary>Event 6009 insertion data: version, build, service pack text.</summary>
    public static (string Version, string Build, string ServicePack) Banner(OsVersion os) => os switch
    {
        OsVersion.Windows2003 => ("5.02.", "3790", ""),
        OsVersion.Windows2000 => ("5.00.", "2195", "Service Pack 4"),
        OsVersion.Nt4Sp5 => ("4.0", "1381", "Service Pack 5"),
        _ => ("4.0", "1381", "Service Pack 4"),
    };

    public static OsVersion Parse(string text) => text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() switch
    {
        "WINDOWSSERVER2003" or "WINDOWS2003" or "W2003" => OsVersion.Windows2003,
        "WINDOWS2000" or "W2000" => OsVersion.Windows2000,
        "NT4SP5" or "WINDOWSNT4.0SP5" => OsVersion.Nt4Sp5,
        "NT4SP4" or "WINDOWSNT4.0SP4" or "WINDOWSNT4.0" => OsVersion.Nt4Sp4,
        _ => throw new ArgumentException($"unknown operating system '{text}': expected Windows Server 2003, Windows 2000, NT4 SP4 or NT4 SP5", nameof(text)),
    };
}
