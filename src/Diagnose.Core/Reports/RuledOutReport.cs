namespace Diagnose.Core.Reports;

/// <summary>
/// A candidate cause that was considered and ruled out: the rule whose <c>when</c> matched, the root cause it
/// would have given, why it was ruled out, and the evidence that contradicts it.
/// </summary>
public sealed class RuledOutReport
{
    public required string Rule { get; init; }

    public required string Kb { get; init; }

    public required string Title { get; init; }

    public required string RootCause { get; init; }

    public required string Reason { get; init; }

    public List<EvidenceItem> By { get; init; } = [];
}
