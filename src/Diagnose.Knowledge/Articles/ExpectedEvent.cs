namespace Diagnose.Knowledge.Articles;

/// <summary>An event that is expected and harmless after the fix, and why.</summary>
public sealed record ExpectedEvent(string Provider, int EventId, string When, string Reason);
