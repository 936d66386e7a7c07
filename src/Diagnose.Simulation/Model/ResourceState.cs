namespace Diagnose.Simulation.Model;

public enum ResourceState
{
    Offline,
    Online,
    Failed,
}
