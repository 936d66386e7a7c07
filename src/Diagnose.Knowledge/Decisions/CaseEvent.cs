namespace Diagnose.Knowledge.Decisions;

/// <summary>One event of a decision-table case, as a node's log would hold it.</summary>
public sealed record CaseEvent
{
    public required string Node { get; init; }

    /// <summary>The log (channel) the event is written to; the catalog's channel when the row does not say.</summary>
    public required string Log { get; init; }

    public required string Provider { get; init; }

    public required int EventId { get; init; }

    public required DateTime TimeUtc { get; init; }

    /// <summary>The insertion strings, in order.</summary>
    public IReadOnlyList<string> Data { get; init; } = [];
}
