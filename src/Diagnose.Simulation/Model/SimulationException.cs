namespace Diagnose.Simulation.Model;

/// <summary>An operation's precondition does not hold (e.g. moving a group to a node that is down).</summary>
public sealed class SimulationException : Exception
{
    /// <summary>An exception whose message names the precondition that does not hold.</summary>
    public SimulationException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with the default message.</summary>
    public SimulationException()
    {
    }

    /// <summary>An exception with a message and the exception that caused it.</summary>
    public SimulationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
