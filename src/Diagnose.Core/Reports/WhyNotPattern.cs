namespace Diagnose.Core.Reports;

/// <summary>
/// One pattern of a rule in a "why not" explanation: its own tests and how many facts pass them, its join
/// tests, and how many partial matches reach it and get past it.
/// </summary>
public sealed class WhyNotPattern
{
    /// <summary>1-based position in the rule's <c>when</c>.</summary>
    public int Index { get; init; }

    /// <summary>fact, not, exists or aggregate.</summary>
    public required string Kind { get; init; }

    public required string Alias { get; init; }

    public required string Fact { get; init; }

    public string Tests { get; init; } = "";

    public string JoinTests { get; init; } = "";

    public int Candidates { get; init; }

    public int Reaching { get; init; }

    public int Passing { get; init; }
}
