namespace Diagnose.Simulation.Model;

/// <summary>An operation's precondition does not hold (e.g. moving a group to a node that is down).</summary>
public sealed class SimulationException : Exception
{
    public SimulationException(string message)
        : base(message)
    {
    }

    public SimulationException()
    {
    }

    public SimulationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
