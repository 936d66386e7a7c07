namespace Diagnose.Rules.Evidence;

/// <summary>How an <c>order</c> entry across two nodes fared against their clocks.</summary>
public enum OrderOutcome
{
    /// <summary>In order by more than the clocks' uncertainty.</summary>
    Holds,

    /// <summary>In order as the logs read, but nothing measures the two clocks against each other.</summary>
    Unmeasured,

    /// <summary>Closer than the clocks' uncertainty: either could have come first.</summary>
    Ambiguous,

    /// <summary>Out of order by more than the clocks' uncertainty (or, unmeasured, as the logs read).</summary>
    Reversed,
}
