namespace Diagnose.Knowledge.Decisions;

/// <summary>One test input of a row: a snapshot and/or events, and what the report must show.</summary>
public sealed record DecisionCase
{
    public required CaseKind Kind { get; init; }

    public required string Name { get; init; }

    /// <summary>The cluster snapshot as JSON (without <c>kind</c>, which is added when it is written), or null.</summary>
    public string? Snapshot { get; init; }

    public IReadOnlyList<CaseEvent> Events { get; init; } = [];

    public required CaseExpectation Expect { get; init; }

    public int Line { get; init; }
}
