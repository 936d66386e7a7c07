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

    /// <summary>The alias the pattern binds.</summary>
    public required string Alias { get; init; }

    /// <summary>The fact type it matches.</summary>
    public required string Fact { get; init; }

    /// <summary>Its tests on the fact alone, as written.</summary>
    public string Tests { get; init; } = "";

    /// <summary>Its tests against facts bound before it, as written.</summary>
    public string JoinTests { get; init; } = "";

    /// <summary>Facts of its type that pass <see cref="Tests"/>.</summary>
    public int Candidates { get; init; }

    /// <summary>Partial matches that reach this pattern.</summary>
    public int Reaching { get; init; }

    /// <summary>Partial matches that get past it.</summary>
    public int Passing { get; init; }
}
