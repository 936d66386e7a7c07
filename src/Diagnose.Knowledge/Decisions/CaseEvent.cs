namespace Diagnose.Knowledge.Decisions;

/// <summary>One event of a decision-table case, as a node's log would hold it.</summary>
public sealed record CaseEvent
{
    /// <summary>The node (computer) whose log holds the event.</summary>
    public required string Node { get; init; }

    /// <summary>The log (channel) the event is written to; the catalog's channel when the row does not say.</summary>
    public required string Log { get; init; }

    /// <summary>The provider (source) name, as the catalog gives it.</summary>
    public required string Provider { get; init; }

    /// <summary>The event ID, which the event catalog must hold for <see cref="Provider"/>.</summary>
    public required int EventId { get; init; }

    /// <summary>When the event was logged, in UTC.</summary>
    public required DateTime TimeUtc { get; init; }

    /// <summary>The insertion strings, in order.</summary>
    public IReadOnlyList<string> Data { get; init; } = [];
}
