namespace Diagnose.Simulation.Model;

/// <summary>The operating systems the articles involve, in release order.</summary>
public enum OsVersion
{
    Nt4Sp4,
    Nt4Sp5,
    Windows2000,
    Windows2003,
}
