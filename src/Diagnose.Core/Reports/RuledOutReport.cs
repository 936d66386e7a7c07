namespace Diagnose.Core.Reports;

/// <summary>
/// A candidate cause that was considered and ruled out: the rule whose <c>when</c> matched, the root cause it
/// would have given, why it was ruled out, and the evidence that contradicts it.
/// </summary>
public sealed class RuledOutReport
{
    /// <summary>The rule whose <c>when</c> matched.</summary>
    public required string Rule { get; init; }

    /// <summary>The rule's article.</summary>
    public required string Kb { get; init; }

    /// <summary>The article's title.</summary>
    public required string Title { get; init; }

    /// <summary>The root cause the rule would have given.</summary>
    public required string RootCause { get; init; }

    /// <summary>Why it was ruled out.</summary>
    public required string Reason { get; init; }

    /// <summary>The evidence that contradicts it.</summary>
    public List<EvidenceItem> By { get; init; } = [];
}
