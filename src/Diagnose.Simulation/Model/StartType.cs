namespace Diagnose.Simulation.Model;

/// <summary>Start type of a driver (ClusDisk) or service (ClusSvc).</summary>
public enum StartType
{
    /// <summary>Loaded by the boot loader.</summary>
    Boot,
    /// <summary>Loaded during kernel initialisation (ClusDisk's default).</summary>
    System,
    /// <summary>Started by the Service Control Manager at boot (the cluster service's default).</summary>
    Automatic,
    /// <summary>Started only when something starts it.</summary>
    Manual,
    /// <summary>Cannot be started.</summary>
    Disabled,
}
