namespace Diagnose.Simulation.Validation;

/// <summary>A <c>verify</c> step found a goal broken.</summary>
internal sealed class InvariantException : Exception
{
    public InvariantException(string invariant, string detail)
        : base($"{invariant}: {detail}")
    {
        Invariant = invariant;
        Detail = detail;
    }

    public InvariantException()
    {
        Invariant = "";
        Detail = "";
    }

    public InvariantException(string message, Exception inner)
        : base(message, inner)
    {
        Invariant = "";
        Detail = message;
    }

    public string Invariant { get; }

    public string Detail { get; }
}
