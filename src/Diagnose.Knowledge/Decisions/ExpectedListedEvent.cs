namespace Diagnose.Knowledge.Decisions;

/// <summary>An event the report's <c>benign[]</c> or <c>unexplained[]</c> must list: its provider, ID and node.</summary>
public sealed record ExpectedListedEvent(string Provider, int EventId, string Node);
