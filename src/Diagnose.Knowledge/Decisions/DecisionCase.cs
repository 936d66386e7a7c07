namespace Diagnose.Knowledge.Decisions;

/// <summary>One test input of a row: a snapshot and/or events, and what the report must show.</summary>
public sealed record DecisionCase
{
    /// <summary>Which of the row's three tests this is: positive, near miss or contradicting.</summary>
    public required CaseKind Kind { get; init; }

    /// <summary>The case's name, used in messages about it.</summary>
    public required string Name { get; init; }

    /// <summary>The cluster snapshot as JSON (without <c>kind</c>, which is added when it is written), or null.</summary>
    public string? Snapshot { get; init; }

    /// <summary>The events the case's logs hold; empty when the snapshot alone decides.</summary>
    public IReadOnlyList<CaseEvent> Events { get; init; } = [];

    /// <summary>What the report of this case must show.</summary>
    public required CaseExpectation Expect { get; init; }

    /// <summary>The line of the case in its decision-table file, for messages.</summary>
    public int Line { get; init; }
}
