namespace Diagnose.Simulation.Model;

/// <summary>Start type of a driver (ClusDisk) or service (ClusSvc).</summary>
public enum StartType
{
    Boot,
    System,
    Automatic,
    Manual,
    Disabled,
}
