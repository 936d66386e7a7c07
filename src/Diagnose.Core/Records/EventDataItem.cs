namespace Diagnose.Core.Records;

/// <summary>One insertion string or named event-data value.</summary>
public sealed record EventDataItem(string? Name, string? Value);
