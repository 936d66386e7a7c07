namespace Diagnose.Simulation.Model;

/// <summary>The operating systems the articles involve, in release order.</summary>
public enum OsVersion
{
    /// <summary>Windows NT 4.0 with Service Pack 4 or earlier: no periodic checkpoints, no checksum records.</summary>
    Nt4Sp4,
    /// <summary>Windows NT 4.0 with Service Pack 5 or later.</summary>
    Nt4Sp5,
    /// <summary>Windows 2000.</summary>
    Windows2000,
    /// <summary>Windows Server 2003.</summary>
    Windows2003,
}
